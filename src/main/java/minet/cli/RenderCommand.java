package minet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import minet.io.InputException;
import minet.model.Design;
import minet.ui.Theme;
import minet.ui.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code render FILE -o PNG}: the canvas's drawing of a design, headless. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw the design as the canvas shows it, to a PNG, without a screen: the parts and flows of the profile's era "
                + "(a management endpoint until 11/2022), the arrows in the colours of their verdict, the findings' badges, a title block "
                + "and a legend.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:input unusable, output not writable or a usage error"})
public final class RenderCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin InputOptions input;
    @Mixin ProfileOption profile;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PNG", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--width", paramLabel = "W", description = "Width of the image in pixels (default: 100 %% zoom).")
    int width;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light", description = "Colour theme (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--no-legend", negatable = false, description = "Draw the bare diagram, without the title block (design, profile, "
            + "date, error and warning counts) and the legend.")
    boolean noLegend;

    @Override public Integer call() {
        var err = spec.commandLine().getErr();
        Theme t;
        try {
            t = Theme.parse(theme);
        } catch (IllegalArgumentException e) {
            err.println("minet render: " + e.getMessage());
            return Cli.UNUSABLE;
        }
        if (width < 0 || width > 20_000) {
            err.println("minet render: --width must be between 1 and 20000 pixels, not " + width);
            return Cli.UNUSABLE;
        }
        Design d;
        try {
            d = input.load();
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        }
        minet.ui.app.App.quietClassPathWarning();
        try {
            Renderer.renderHeadless(d, out, width, t, !noLegend, profile.name());
        } catch (IOException e) {
            return Problems.cannotWrite(spec, out, e);
        }
        spec.commandLine().getOut().println("Wrote " + ReportWriter.printable(out.toString()));
        return Cli.OK;
    }
}
