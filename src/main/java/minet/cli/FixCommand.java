package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "fix", description = "Not implemented yet.")
public final class FixCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet fix: not implemented yet");
        return Cli.UNUSABLE;
    }
}
