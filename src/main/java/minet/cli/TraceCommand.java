package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "trace", description = "Not implemented yet.")
public final class TraceCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet trace: not implemented yet");
        return Cli.UNUSABLE;
    }
}
