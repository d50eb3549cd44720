package minet.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import minet.ui.StartupProbe;
import minet.ui.Theme;
import minet.ui.dialogs.FxBackgroundRunner;
import minet.ui.shell.DiskFileService;
import minet.ui.shell.MainWindow;
import minet.ui.shell.RecentFiles;

/** The desktop window. {@code -Dminet.config=DIR} moves the config dir (recent files, recovery) elsewhere. */
public final class App extends Application {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * A fat jar loads JavaFX from the class path, which JavaFX warns about ("Unsupported JavaFX configuration") on
     * every start although it works: noise on the terminal that started the app or a CLI command.
     */
    public static void quietClassPathWarning() {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Started before the toolkit in the packaged app: the design the window opens first, read while JavaFX starts. */
    private static volatile Preload preload;

    public static void launchWindow(String[] args) {
        quietClassPathWarning();
        if (Preload.wanted()) preload = new Preload(new DiskFileService(configDir()), args.length == 1 ? Path.of(args[0]) : null);
        Application.launch(App.class, args);
    }

    private static Path configDir() {
        String configProp = System.getProperty("minet.config");
        return configProp != null ? Path.of(configProp) : DiskFileService.defaultConfigDir();
    }

    @Override public void start(Stage stage) {
        Path config = configDir();
        // The node older versions kept the theme in (App was in minet.ui then).
        Preferences prefs = Preferences.userRoot().node("minet/ui");
        Theme theme;
        try {
            theme = Theme.parse(prefs.get("theme", "light"));
        } catch (IllegalArgumentException e) {
            theme = Theme.LIGHT;
        }
        minet.ui.shell.FileService files = preload != null ? preload : new DiskFileService(config);
        MainWindow window = new MainWindow(stage, null, files, new FxBackgroundRunner(), new RecentFiles(config), theme,
                t -> prefs.put("theme", t.name().toLowerCase(java.util.Locale.ROOT)));
        List<String> raw = getParameters().getRaw();
        var icon = App.class.getResourceAsStream("/minet/ui/app-icon.png");
        if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        minet.ui.validation.ValidationFeature.install(window, new minet.ui.trace.EngineTracer());
        window.rememberIn(prefs);
        window.show(raw.isEmpty() ? null : Path.of(raw.get(0)));
        StartupProbe.arm(stage.getScene(), window.document().replacedProperty());
    }
}
