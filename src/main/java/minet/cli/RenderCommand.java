package minet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "render", description = "Not implemented yet.")
public final class RenderCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("minet render: not implemented yet");
        return Cli.UNUSABLE;
    }
}
