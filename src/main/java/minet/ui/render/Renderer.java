package minet.ui.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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
import minet.ui.canvas.DiagramPane;

/**
 * Draws a design to a PNG without a screen, with the canvas's own {@link DiagramPane}: {@code render} and File →
 * Export diagram use it. Outside a running window it starts JavaFX headless (Monocle, software pipeline); the
 * system properties must be set before the toolkit starts, so they are set here, first.
 */
public final class Renderer {
    private Renderer() {}

    /** Lays the design out and snapshots it, on the FX thread. {@code width} ≤ 0 means 100 %. */
    public static WritableImage snapshot(Design design, Theme theme, double width) {
        DiagramPane pane = styledPane(design, theme);
        SnapshotParameters p = new SnapshotParameters();
        double w = pane.getPrefWidth();
        double s = width > 0 ? width / w : 1;
        p.setTransform(new Scale(s, s));
        return pane.snapshot(p, null);
    }

    /** The canvas's own pane for a design, styled and laid out off-screen (for PNG and SVG export); FX thread. */
    public static DiagramPane styledPane(Design design, Theme theme) {
        DiagramPane pane = new DiagramPane();
        if (theme == Theme.DARK) pane.getStyleClass().add("dark");
        pane.setDiagram(DiagramLayout.of(design));
        Scene scene = new Scene(new Group(pane));
        scene.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().add(Theme.stylesheet(Theme.CANVAS_CSS));
        pane.applyCss();
        pane.layout();
        // Labels are laid out after CSS: a second pass places the flow labels with their real sizes.
        pane.setDiagram(pane.diagram());
        pane.applyCss();
        pane.layout();
        return pane;
    }

    public static byte[] png(WritableImage img) throws IOException {
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bi, "png", out);
        return out.toByteArray();
    }

    /** For the command line: starts a headless toolkit, draws, writes atomically, stops the toolkit. */
    public static void renderHeadless(Design design, Path out, double width, Theme theme) throws IOException {
        boolean startedHere = startHeadless();
        AtomicReference<Object> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(png(snapshot(design, theme, width)));
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
