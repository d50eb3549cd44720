package minet.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop window. */
public final class App extends Application {
    public static final Path SAMPLE = Path.of("sample-networks", "reference.minet.json");

    public static void launchWindow(String[] args) {
        Application.launch(App.class, args);
    }

    @Override public void start(Stage stage) {
        stage.setTitle("MI Network Designer");
        stage.setScene(new Scene(new Label("MI Network Designer"), 800, 600));
        stage.show();
    }
}
