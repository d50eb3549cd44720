package minet.ui.dialogs;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What every dialog of the app gets: the main window as owner, resizable, and a window never smaller than its
 * content's preferred size (a window manager may otherwise open it at 200 × 200 with its buttons cut off). Showing
 * one leaves a maximised main window maximised (GTK takes the state away while a modal dialog blocks its owner).
 */
public final class Dialogs {
    private Dialogs() {}

    /** The width a dialog without one of its own wraps its text at, when unwrapped it would be wider. */
    static final double WRAP_WIDTH = 760;

    /** Owner, resizable, and the content's preferred size as the window's minimum, applied when it is shown. */
    public static <D extends Dialog<?>> D prepare(D dialog, Window owner) {
        if (owner != null && dialog.getOwner() == null) dialog.initOwner(owner);
        // Modal by hand (showAndWait), so that the owner keeps its maximised state.
        if (owner != null) dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        String css = minet.ui.Theme.stylesheet(minet.ui.Theme.APP_CSS);
        if (!pane.getStylesheets().contains(css)) pane.getStylesheets().add(css);
        // An Alert's pane otherwise shrinks below its text (the default min height is computed, not preferred).
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        dialog.setOnShown(e -> {
            fit(dialog, true);
            // Once more after the window manager has placed the window: it may have resized or moved it meanwhile.
            Platform.runLater(() -> fit(dialog, true));
        });
        return dialog;
    }

    /** Makes the dialog's window at least its content's preferred size (within the screen) and that its minimum. */
    static void fit(Dialog<?> dialog, boolean centre) {
        DialogPane pane = dialog.getDialogPane();
        if (pane.getScene() == null || !(pane.getScene().getWindow() instanceof Stage stage)) return;
        pane.applyCss();
        pane.layout();
        Rectangle2D screen = screenOf(stage);
        // The decorations: what the window has around its scene.
        double dw = Math.max(0, stage.getWidth() - pane.getScene().getWidth());
        double dh = Math.max(0, stage.getHeight() - pane.getScene().getHeight());
        if (Double.isNaN(dw)) dw = 0;
        if (Double.isNaN(dh)) dh = 0;
        // A header or text that would wrap is measured unwrapped: a line of 2000 px would make the dialog as wide as
        // the screen and lay its buttons out beyond it. Such a pane wraps at a width that reads well instead.
        boolean wrapped = pane.getPrefWidth() == Region.USE_COMPUTED_SIZE && pane.prefWidth(-1) > WRAP_WIDTH;
        if (wrapped) pane.setPrefWidth(WRAP_WIDTH);
        double w = Math.min(screen.getWidth(), Math.ceil(pane.prefWidth(-1)) + dw);
        double h = Math.min(screen.getHeight(), Math.ceil(pane.prefHeight(w - dw)) + dh);
        // Never a minimum larger than the screen: the pane is then laid out in the window, buttons included, and its
        // content scrolls or wraps.
        pane.setMinWidth(Math.min(pane.prefWidth(-1), w - dw));
        pane.setMinHeight(Math.min(pane.prefHeight(w - dw), h - dh));
        stage.setMinWidth(w);
        stage.setMinHeight(h);
        if (stage.getProperties().put(Dialogs.class, Boolean.TRUE) == null) {
            // Not every window manager (nor JavaFX itself) holds a window to its minimum: grow it back when shrunk.
            stage.widthProperty().addListener((o, was, now) -> {
                if (now.doubleValue() < stage.getMinWidth() - 1) Platform.runLater(() -> { if (stage.getWidth() < stage.getMinWidth() - 1) stage.setWidth(stage.getMinWidth()); });
            });
            stage.heightProperty().addListener((o, was, now) -> {
                if (now.doubleValue() < stage.getMinHeight() - 1) Platform.runLater(() -> { if (stage.getHeight() < stage.getMinHeight() - 1) stage.setHeight(stage.getMinHeight()); });
            });
        }
        // Also when not yet known (NaN); and back within the screen when JavaFX sized it to an unwrapped text.
        if (!(stage.getWidth() >= w) || stage.getWidth() > screen.getWidth() || stage.getWidth() > w && wrapped) stage.setWidth(w);
        if (!(stage.getHeight() >= h) || stage.getHeight() > screen.getHeight()) stage.setHeight(h);
        // Grown after JavaFX centred it: centre it again over its owner, and keep its title bar on the screen.
        Window owner = stage.getOwner();
        double x = Double.isNaN(stage.getX()) ? screen.getMinX() : stage.getX(), y = Double.isNaN(stage.getY()) ? screen.getMinY() : stage.getY();
        if (centre && owner != null && owner.getWidth() > 0) {
            x = owner.getX() + (owner.getWidth() - stage.getWidth()) / 2;
            y = owner.getY() + (owner.getHeight() - stage.getHeight()) / 2;
        }
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - stage.getWidth()));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - stage.getHeight()));
        // Always asked, not only when JavaFX thinks it differs: the window manager may have moved it unreported.
        stage.setX(x);
        stage.setY(y);
    }

    private static Rectangle2D screenOf(Window window) {
        // Not shown yet: the owner's screen.
        Window w = Double.isNaN(window.getX()) && window instanceof Stage st && st.getOwner() != null ? st.getOwner() : window;
        if (Double.isNaN(w.getX())) return Screen.getPrimary().getVisualBounds();
        var screens = Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /**
     * Shows a prepared dialog and waits. It is modal by hand: while it shows, the owner takes no input and cannot be
     * closed, and comes back behind the dialog when clicked. A dialog that JavaFX makes modal has its owner
     * disabled, which on Linux (GTK) pins the owner's size and so takes a maximised main window out of its maximised
     * state for as long as the dialog is up.
     */
    public static <R> Optional<R> showAndWait(Dialog<R> dialog) {
        Window owner = dialog.getOwner();
        if (owner == null || owner.getScene() == null) return dialog.showAndWait();
        javafx.event.EventHandler<javafx.event.Event> block = javafx.event.Event::consume;
        javafx.event.EventHandler<javafx.stage.WindowEvent> noClose = javafx.stage.WindowEvent::consume;
        javafx.beans.value.ChangeListener<Boolean> front = (o, was, focused) -> {
            if (focused && dialog.isShowing() && dialog.getDialogPane().getScene().getWindow() instanceof Stage s) Platform.runLater(s::toFront);
        };
        owner.getScene().addEventFilter(javafx.scene.input.InputEvent.ANY, block);
        owner.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, noClose);
        owner.focusedProperty().addListener(front);
        try {
            return dialog.showAndWait();
        } finally {
            owner.getScene().removeEventFilter(javafx.scene.input.InputEvent.ANY, block);
            owner.removeEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, noClose);
            owner.focusedProperty().removeListener(front);
        }
    }

    /**
     * Runs a native dialog (a file chooser) that blocks {@code owner}: GTK takes a maximised owner out of its
     * maximised state meanwhile, so it is maximised again afterwards.
     */
    public static <T> T keepingMaximised(Window owner, java.util.function.Supplier<T> show) {
        boolean maximised = owner instanceof Stage s && s.isMaximized();
        try {
            return show.get();
        } finally {
            if (maximised) Platform.runLater(() -> {
                Stage s = (Stage) owner;
                // The window manager changed the state behind JavaFX's back: set it off and on to be sure.
                s.setMaximized(false);
                s.setMaximized(true);
            });
        }
    }
}
