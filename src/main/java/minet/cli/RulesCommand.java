package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "rules", description = "Not implemented yet.")
public final class RulesCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet rules: not implemented yet");
        return Cli.UNUSABLE;
    }
}
