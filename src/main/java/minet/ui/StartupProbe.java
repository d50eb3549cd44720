package minet.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * With {@code -Dminet.startupProbe=true}: prints the time from process start to the first frame painted after
 * the window is shown ({@code first-frame-ms}), then, for the app, to the first frame after the design has been
 * opened in it ({@code design-frame-ms}), then exits. packaging/measure-startup.sh compares the first with a
 * minimal JavaFX window.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static boolean enabled() {
        return Boolean.getBoolean("minet.startupProbe");
    }

    /** For a window that shows nothing more after its first frame. */
    public static void arm(Scene scene) {
        arm(scene, null);
    }

    /** @param opened changes when the window has opened its design (null: exit after the first frame) */
    public static void arm(Scene scene, ObservableValue<?> opened) {
        if (!enabled()) return;
        afterNextFrame(scene, () -> {
            report("first-frame-ms");
            if (opened == null) {
                exit();
                return;
            }
            // Not forever: a dialog (say, recovering unsaved work) may hold the design back.
            javafx.animation.PauseTransition giveUp = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(10));
            giveUp.setOnFinished(e -> exit());
            giveUp.play();
            opened.addListener(new InvalidationListener() {
                @Override public void invalidated(Observable o) {
                    opened.removeListener(this);
                    afterNextFrame(scene, () -> {
                        report("design-frame-ms");
                        exit();
                    });
                }
            });
        });
    }

    private static void afterNextFrame(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The pulse that laid the scene out is the one that paints it; report after it has rendered.
            Platform.runLater(then);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void report(String what) {
        System.out.println(what + " " + sinceProcessStart());
        System.out.flush();
    }

    private static void exit() {
        Platform.exit();
        System.exit(0);
    }

    /**
     * Milliseconds since this process was started, to within the kernel's 10 ms tick. On Linux both ends come from
     * /proc and count from boot; ProcessHandle's start instant adds the boot time that /proc/stat gives in whole
     * seconds, so it is early by up to a second (174 ms on the machine where this was found), the same for every
     * process, which made both windows look slower and their ratio smaller than it was.
     */
    static long sinceProcessStart() {
        try {
            return millisSinceStart(Files.readString(Path.of("/proc/self/stat")), Files.readString(Path.of("/proc/uptime")));
        } catch (IOException | RuntimeException e) {
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return Duration.between(start, Instant.now()).toMillis();
        }
    }

    /** From the texts of /proc/self/stat and /proc/uptime. */
    static long millisSinceStart(String procSelfStat, String procUptime) {
        // The fields after the command name, which may hold spaces and parentheses: state is field 3, starttime 22.
        String[] fields = procSelfStat.substring(procSelfStat.lastIndexOf(')') + 2).split(" ");
        long startTicks = Long.parseLong(fields[22 - 3]);
        double uptimeSeconds = Double.parseDouble(procUptime.trim().split(" ")[0]);
        return Math.round(uptimeSeconds * 1000 - startTicks * 10.0); // USER_HZ is 100 on Linux
    }
}
