package minet.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * With {@code -Dminet.startupProbe=true}: prints the time from process start to the first frame painted after
 * the window is shown, then exits. packaging/measure-startup.sh compares the app with a minimal JavaFX window.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static boolean enabled() {
        return Boolean.getBoolean("minet.startupProbe");
    }

    public static void arm(Scene scene) {
        if (!enabled()) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The pulse that laid the scene out is the one that paints it; report after it has rendered.
            Platform.runLater(() -> {
                Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.out.println("first-frame-ms " + Duration.between(start, Instant.now()).toMillis());
                System.out.flush();
                Platform.exit();
                System.exit(0);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
