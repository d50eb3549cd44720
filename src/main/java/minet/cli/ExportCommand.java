package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export", description = "Not implemented yet.")
public final class ExportCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet export: not implemented yet");
        return Cli.UNUSABLE;
    }
}
