package minet.ui.canvas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import minet.io.AtomicFiles;
import minet.ui.render.Renderer;

/**
 * Writes {@code icons/}: each icon of {@link Icons} as SVG and as a 48 px PNG. Run after changing an icon:
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=minet.ui.canvas.IconSetWriter}
 * (or plain java with the test class path); {@link IconSetTest} checks the folder matches.
 */
public final class IconSetWriter {
    public static final String COLOR = "#0a66c2";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "icons");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        for (Map.Entry<String, String> e : Icons.all().entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey() + ".svg"), Icons.svg(e.getValue(), COLOR));
            byte[][] png = new byte[1][];
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    SVGPath p = new SVGPath();
                    p.setContent(e.getValue());
                    p.setFill(Color.TRANSPARENT);
                    p.setStroke(Color.web(COLOR));
                    p.setStrokeWidth(1.8);
                    p.setStrokeLineCap(StrokeLineCap.ROUND);
                    p.setStrokeLineJoin(StrokeLineJoin.ROUND);
                    javafx.scene.shape.Rectangle box = new javafx.scene.shape.Rectangle(0, 0, 24, 24);
                    box.setFill(Color.TRANSPARENT);
                    Group g = new Group(box, p);
                    new Scene(g);
                    SnapshotParameters sp = new SnapshotParameters();
                    sp.setFill(Color.TRANSPARENT);
                    sp.setTransform(new Scale(2, 2));
                    png[0] = Renderer.png(g.snapshot(sp, null));
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                } finally {
                    done.countDown();
                }
            });
            done.await();
            AtomicFiles.write(dir.resolve(e.getKey() + ".png"), png[0]);
        }
        Files.writeString(dir.resolve("README.md"), "# Icons\n\nOur own line icons for the Azure elements the designer draws (24 × 24, 1.8 px stroke). "
                + "The path data lives in `src/main/java/minet/ui/canvas/Icons.java`; the canvas, the SVG export and these files all use it. "
                + "Regenerate with `IconSetWriter` (see its comment).\n");
        Platform.exit();
    }
}
