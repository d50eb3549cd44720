package minet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import minet.layout.BigDesigns;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.ui.Theme;
import minet.ui.canvas.CanvasView;
import minet.ui.canvas.CanvasViewModel;
import minet.ui.document.DocumentModel;

/**
 * Pan and zoom frame times of the canvas on a design at Azure's limits (100 subnets, a 1000-rule NSG), in a real
 * window. Not a unit test: run under Xvfb (or on a desktop) and read the figures it prints:
 * <pre>
 * xvfb-run -a -s "-screen 0 1440x900x24" java -cp target/classes:target/test-classes:$(cat cp.txt) minet.bench.CanvasFrameTimes\$Main
 * </pre>
 * Each phase runs 240 frames; a frame's time is the interval between two pulses (AnimationTimer), so 16.7 ms is
 * the 60 Hz ceiling. Relayout is the time to lay out and rebuild the scene graph after one edit.
 */
public final class CanvasFrameTimes extends Application {
    private static final int FRAMES = 240;

    /** The main class must not extend Application on the class path; this one delegates. */
    public static final class Main {
        public static void main(String[] args) { Application.launch(CanvasFrameTimes.class, args); }
    }

    @Override public void start(Stage stage) {
        Design big = BigDesigns.of(100, 1000);
        DocumentModel doc = new DocumentModel(big, null);
        CanvasViewModel vm = new CanvasViewModel(doc, s -> {});
        CanvasView canvas = new CanvasView(vm);
        if (Boolean.getBoolean("noGrid")) canvas.diagramPane().getStyleClass().remove("grid");
        if (Boolean.getBoolean("cacheSkins")) canvas.diagramPane().skins().values().forEach(n -> { n.setCache(true); n.setCacheHint(javafx.scene.CacheHint.SPEED); });
        Scene scene = new Scene(canvas, 1400, 860);
        scene.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        scene.getStylesheets().add(Theme.stylesheet(Theme.CANVAS_CSS));
        stage.setScene(scene);
        stage.show();

        // Relayout after an edit: layout + scene graph rebuild, measured on the FX thread.
        List<Double> relayout = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            double dx = (i % 2 == 0 ? 10 : -10);
            doc.execute(minet.ui.canvas.DesignEdits.move(java.util.List.of("big/s5"), dx, 0, vm.diagram()));
            canvas.applyCss();
            canvas.layout();
            relayout.add((System.nanoTime() - t0) / 1e6);
        }
        List<Double> rebuild = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long t1 = System.nanoTime();
            canvas.diagramPane().setDiagram(vm.diagram());
            rebuild.add((System.nanoTime() - t1) / 1e6);
        }
        print("scene graph rebuild only (DiagramPane.setDiagram)", rebuild.subList(2, rebuild.size()));
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) DiagramLayout.of(big);
        double layoutOnly = (System.nanoTime() - t0) / 1e6 / 20;

        List<Double> pan = new ArrayList<>(), zoom = new ArrayList<>();
        canvas.fit();
        new AnimationTimer() {
            long last;
            int frame;
            @Override public void handle(long now) {
                if (last != 0) (frame <= FRAMES ? pan : zoom).add((now - last) / 1e6);
                last = now;
                frame++;
                if (frame <= FRAMES) {
                    canvas.panBy(frame % 120 < 60 ? 6 : -6, frame % 80 < 40 ? 3 : -3);
                } else if (frame <= 2 * FRAMES) {
                    canvas.zoomBy(frame % 60 < 30 ? 1.03 : 1 / 1.03);
                } else {
                    stop();
                    print("relayout after an edit (layout + rebuild)", relayout.subList(2, relayout.size()));
                    System.out.printf(Locale.ROOT, "layout only (DiagramLayout.of): %.2f ms%n", layoutOnly);
                    print("pan frame interval", pan.subList(10, pan.size()));
                    print("zoom frame interval", zoom.subList(10, zoom.size()));
                    System.out.println("nodes in scene: " + count(canvas));
                    Platform.exit();
                }
            }
        }.start();
    }

    private static int count(javafx.scene.Parent p) {
        int n = 1;
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) n += c instanceof javafx.scene.Parent q ? count(q) : 1;
        return n;
    }

    private static void print(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        double mean = s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%s: n=%d mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, s.size(), mean,
                s.get(s.size() / 2), s.get((int) (s.size() * 0.95)), s.get(s.size() - 1));
    }
}
