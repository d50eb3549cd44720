package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Not implemented yet.")
public final class ValidateCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet validate: not implemented yet");
        return Cli.UNUSABLE;
    }
}
