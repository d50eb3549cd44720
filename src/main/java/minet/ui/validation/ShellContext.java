package minet.ui.validation;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Point2D;
import minet.ui.document.DesignContext;
import minet.edit.Command;
import minet.layout.DiagramNode;
import minet.model.Design;
import minet.ui.shell.MainWindow;

/** {@link DesignContext} over the shell: its document, selection and canvas. */
public final class ShellContext implements DesignContext {
    private final MainWindow window;

    public ShellContext(MainWindow window) {
        this.window = window;
    }

    @Override public ReadOnlyObjectProperty<Design> designProperty() { return window.document().designProperty(); }

    @Override public void execute(Command c) { window.document().execute(c); }

    @Override public void replace(Design d, Path file) {
        window.document().replace(d, file);
        window.canvasView().fit();
    }

    @Override public void reveal(String elementId) {
        window.selection().select(elementId);
        centre(elementId);
    }

    @Override public void showTrace(minet.layout.TracePath path) { window.diagram().showTrace(path); }

    @Override public javafx.beans.value.ObservableValue<minet.rules.eval.ServiceTags> serviceTagsProperty() { return window.serviceTagsProperty(); }

    /** Pans so the element's box sits in the middle of the view, at the current zoom. */
    private void centre(String elementId) {
        List<DiagramNode> boxes = window.canvas().diagram().nodesOf(elementId);
        if (boxes.isEmpty()) return;
        minet.model.Bounds b = boxes.get(0).bounds();
        Point2D c = window.canvasView().viewCenter();
        double z = window.canvas().zoomProperty().get();
        window.canvasView().panBy((c.getX() - (b.x() + b.width() / 2)) * z, (c.getY() - (b.y() + b.height() / 2)) * z);
    }
}
