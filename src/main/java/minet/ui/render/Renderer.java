package minet.ui.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;
import minet.io.AtomicFiles;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.ui.Theme;
import minet.rules.Validator;
import minet.ui.canvas.DiagramPane;
import minet.ui.analysis.Analysis;
import minet.ui.analysis.CanvasFindings;
import minet.ui.analysis.SeedFlows;

/**
 * Draws a design to a PNG without a screen, with the canvas's own {@link DiagramPane} in an {@link ExportSheet}
 * (title block, legend): {@code render} and File → Export diagram use it. Outside a running window it starts JavaFX headless (Monocle, software pipeline); the
 * system properties must be set before the toolkit starts, so they are set here, first.
 */
public final class Renderer {
    private Renderer() {}

    /** Lays the design out and snapshots it with its title block and legend, on the FX thread. {@code width} ≤ 0 means 100 %. */
    public static WritableImage snapshot(Design design, Theme theme, double width) {
        return snapshot(design, theme, width, true);
    }

    /** As {@link #snapshot(Design, Theme, double)}; {@code legend} false draws the bare diagram. */
    public static WritableImage snapshot(Design design, Theme theme, double width, boolean legend) {
        return snapshot(design, theme, width, legend, Validator.DEFAULT_PROFILE);
    }

    /**
     * As {@link #snapshot(Design, Theme, double, boolean)}, judged by {@code profile} ({@code auto}, {@code latest} or
     * an id: the window passes the one it validates with) and drawn in its era.
     */
    public static WritableImage snapshot(Design design, Theme theme, double width, boolean legend, String profile) {
        ExportSheet sheet = sheet(design, theme, legend, profile);
        SnapshotParameters p = new SnapshotParameters();
        double w = sheet.getPrefWidth();
        double s = width > 0 ? width / w : 1;
        p.setTransform(new Scale(s, s));
        return sheet.snapshot(p, null);
    }

    /** {@link #sheet(Design, Theme, boolean, String)} under the default profile ({@code auto}). */
    public static ExportSheet sheet(Design design, Theme theme, boolean legend) {
        return sheet(design, theme, legend, Validator.DEFAULT_PROFILE);
    }

    /**
     * The picture an export shows, styled and laid out off-screen (PNG, SVG, {@code render}); FX thread. The design is
     * validated as the window does ({@code profile}: auto, latest or an id; the tracer's verdict for every arrow), so
     * the arrows carry the window's colours and the boxes its badges, and the diagram is drawn in that profile's era;
     * the title block names the profile and counts the findings.
     * @throws IllegalArgumentException for a profile that does not exist
     */
    public static ExportSheet sheet(Design design, Theme theme, boolean legend, String profile) {
        Analysis a = Analysis.of(design, profile, new SeedFlows());
        DiagramPane pane = new DiagramPane();
        if (theme == Theme.DARK) pane.getStyleClass().add("dark");
        pane.setDiagram(DiagramLayout.of(design, minet.rules.Profiles.byId(a.report().profile()).orElseThrow()));
        CanvasFindings.show(pane, a);
        ExportSheet sheet = new ExportSheet(pane, design.name(), a.report(), LocalDate.now(), legend);
        if (theme == Theme.DARK) sheet.getStyleClass().add("dark");
        Scene scene = new Scene(new Group(sheet));
        scene.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().add(Theme.stylesheet(Theme.CANVAS_CSS));
        sheet.applyCss();
        sheet.layout();
        return sheet;
    }

    public static byte[] png(WritableImage img) throws IOException {
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bi, "png", out);
        return out.toByteArray();
    }

    /** For the command line: starts a headless toolkit, draws, writes atomically, stops the toolkit. */
    public static void renderHeadless(Design design, Path out, double width, Theme theme) throws IOException {
        renderHeadless(design, out, width, theme, true);
    }

    /** As above; {@code legend} false leaves out the title block and the legend. */
    public static void renderHeadless(Design design, Path out, double width, Theme theme, boolean legend) throws IOException {
        renderHeadless(design, out, width, theme, legend, Validator.DEFAULT_PROFILE);
    }

    /** As above, judged by and drawn in the era of {@code profile} (auto, latest or an id). */
    public static void renderHeadless(Design design, Path out, double width, Theme theme, boolean legend, String profile) throws IOException {
        boolean startedHere = startHeadless();
        AtomicReference<Object> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(png(snapshot(design, theme, width, legend, profile)));
            } catch (Throwable t) {
                result.set(t);
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(120, TimeUnit.SECONDS)) throw new IOException("drawing took longer than two minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing");
        } finally {
            // Stop only a toolkit we started: a running window (or a test JVM) keeps its own.
            if (startedHere) Platform.exit();
        }
        if (result.get() instanceof Throwable t) throw new IOException("could not draw the design: " + t, t);
        AtomicFiles.write(out, (byte[]) result.get());
    }

    /** Starts JavaFX headless unless it runs already; true when it was started here. */
    private static boolean startHeadless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        boolean started = true;
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started = false;
            up.countDown();
        }
        try {
            up.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return started;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
