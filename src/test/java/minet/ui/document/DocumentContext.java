package minet.ui.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import minet.edit.Command;
import minet.edit.Document;
import minet.model.Design;

/** A {@link DesignContext} over a plain {@link Document} that records what the view models asked of the canvas. */
public class DocumentContext implements DesignContext {
    private final Document document;
    private final ReadOnlyObjectWrapper<Design> design;
    private final List<String> revealed = new ArrayList<>();
    private List<String> highlighted = List.of();
    private minet.layout.TracePath trace = minet.layout.TracePath.NONE;

    public DocumentContext(Document document) {
        this.document = document;
        this.design = new ReadOnlyObjectWrapper<>(document.design());
    }

    public Document document() { return document; }

    @Override public ReadOnlyObjectProperty<Design> designProperty() { return design.getReadOnlyProperty(); }

    @Override public void execute(Command c) { design.set(document.execute(c)); }

    public void undo() { design.set(document.undo()); }

    @Override public void replace(Design d, Path file) {
        document.replace(d, file);
        design.set(d);
    }

    @Override public void reveal(String elementId) { revealed.add(elementId); }

    @Override public void showTrace(minet.layout.TracePath path) {
        trace = path;
        highlighted = path.stops().stream().filter(s -> s.state() != minet.layout.TracePath.State.NOT_REACHED)
                .map(minet.layout.TracePath.Stop::elementId).distinct().toList();
    }

    /** The traced path last shown. */
    public minet.layout.TracePath trace() { return trace; }

    /** The elements revealed so far, oldest first. */
    public List<String> revealed() { return List.copyOf(revealed); }

    public List<String> highlighted() { return highlighted; }
}
