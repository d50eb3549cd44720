package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "size", description = "Not implemented yet.")
public final class SizeCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet size: not implemented yet");
        return Cli.UNUSABLE;
    }
}
