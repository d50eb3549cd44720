package minet.ui.document;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import minet.edit.Command;
import minet.model.Design;
import minet.rules.eval.ServiceTags;

/**
 * What the validation, fix, import, export and trace view models need from the open document and the canvas.
 * {@link ShellContext} is the window's.
 */
public interface DesignContext {
    ReadOnlyObjectProperty<Design> designProperty();

    default Design design() { return designProperty().get(); }

    /** One undoable step. */
    void execute(Command c);

    /** Replaces the open design without history, as opening a file does (an import). */
    void replace(Design d, Path file);

    /** Selects the element with this model id on the canvas and scrolls it into the middle. */
    void reveal(String elementId);

    /** Shows a traced path on the canvas, in a style of its own (not the selection); {@code TracePath.NONE} clears it. */
    default void showTrace(minet.layout.TracePath path) {}

    /**
     * The service tags the window loaded (File → Load service tags…): validation, the arrows and Trace read tags as
     * their addresses. None by default.
     */
    default ObservableValue<ServiceTags> serviceTagsProperty() { return NO_SERVICE_TAGS; }

    default ServiceTags serviceTags() { return serviceTagsProperty().getValue(); }

    ObservableValue<ServiceTags> NO_SERVICE_TAGS = new javafx.beans.property.ReadOnlyObjectWrapper<>(ServiceTags.NONE).getReadOnlyProperty();
}
