package minet.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: the smallest JavaFX window, timed the same way as the app
 * ({@code -Dminet.startupProbe=true}, {@link minet.ui.StartupProbe}). Run by packaging/measure-startup.sh.
 * The main class does not extend Application, like {@link minet.Launcher}, so both start the same way.
 */
public final class MinimalWindow {
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override public void start(Stage stage) {
            Scene scene = new Scene(new Label("minimal"), 400, 300);
            minet.ui.StartupProbe.arm(scene);
            stage.setScene(scene);
            stage.show();
        }
    }
}
