package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "diff", description = "Not implemented yet.")
public final class DiffCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet diff: not implemented yet");
        return Cli.UNUSABLE;
    }
}
