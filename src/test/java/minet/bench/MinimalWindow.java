package minet.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: the smallest JavaFX window, timed the same way as the app
 * ({@code -Dminet.startupProbe=true} in {@link minet.ui.StartupProbe}). Run by packaging/measure-startup.sh.
 */
public final class MinimalWindow extends Application {
    public static void main(String[] args) {
        Application.launch(MinimalWindow.class, args);
    }

    @Override public void start(Stage stage) {
        Scene scene = new Scene(new Label("minimal"), 400, 300);
        minet.ui.StartupProbe.arm(scene);
        stage.setScene(scene);
        stage.show();
    }
}
