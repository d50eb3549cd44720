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

    /** Owner, resizable, and the content's preferred size as the window's minimum, applied when it is shown. */
    public static <D extends Dialog<?>> D prepare(D dialog, Window owner) {
        if (owner != null && dialog.getOwner() == null) dialog.initOwner(owner);
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        // An Alert's pane otherwise shrinks below its text (the default min height is computed, not preferred).
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        dialog.setOnShown(e -> {
            fit(dialog);
            // Once more after the window manager has placed the window: it may have resized it meanwhile.
            Platform.runLater(() -> fit(dialog));
        });
        return dialog;
    }

    /** Makes the dialog's window at least its content's preferred size (within the screen) and that its minimum. */
    static void fit(Dialog<?> dialog) {
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
        double w = Math.min(screen.getWidth(), Math.ceil(pane.prefWidth(-1)) + dw);
        double h = Math.min(screen.getHeight(), Math.ceil(pane.prefHeight(w - dw)) + dh);
        stage.setMinWidth(w);
        stage.setMinHeight(h);
        if (stage.getWidth() < w) stage.setWidth(w);
        if (stage.getHeight() < h) stage.setHeight(h);
        // Keep it on the screen after growing.
        if (stage.getX() + stage.getWidth() > screen.getMaxX()) stage.setX(Math.max(screen.getMinX(), screen.getMaxX() - stage.getWidth()));
        if (stage.getY() + stage.getHeight() > screen.getMaxY()) stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
    }

    private static Rectangle2D screenOf(Window w) {
        var screens = Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    /** Shows a prepared dialog and waits; a maximised owner is maximised again if the dialog took that away. */
    public static <R> Optional<R> showAndWait(Dialog<R> dialog) {
        Stage owner = dialog.getOwner() instanceof Stage s ? s : null;
        boolean maximised = owner != null && owner.isMaximized();
        javafx.beans.value.ChangeListener<Boolean> keep = (o, was, now) -> {
            if (!now) Platform.runLater(() -> owner.setMaximized(true));
        };
        if (maximised) owner.maximizedProperty().addListener(keep);
        try {
            return dialog.showAndWait();
        } finally {
            if (maximised) {
                owner.maximizedProperty().removeListener(keep);
                if (!owner.isMaximized()) owner.setMaximized(true);
            }
        }
    }
}
