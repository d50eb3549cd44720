package minet.ui.canvas;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * What is selected: model element ids (VNet, subnet, NSG, route table, instance, outside network) and flow ids
 * ({@link minet.layout.DiagramFlow#id()}). {@link #primaryProperty()} is the one the properties panel shows.
 * The validation panel selects a finding's element with {@link #select(String)}.
 * <p>
 * Views that draw the selection listen to {@link #revisionProperty()}: it changes once per operation, after both
 * the ids and the primary are updated (the set itself fires for every element it loses or gains, in between).
 */
public final class SelectionModel {
    private final ObservableSet<String> ids = FXCollections.observableSet(new LinkedHashSet<>());
    // One wrapper for good: it holds its listeners, and a new one per call would let them be collected.
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(ids);
    private final ReadOnlyObjectWrapper<String> primary = new ReadOnlyObjectWrapper<>(this, "primary");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    public ObservableSet<String> ids() { return readOnly; }
    public ReadOnlyObjectProperty<String> primaryProperty() { return primary.getReadOnlyProperty(); }
    public String primary() { return primary.get(); }
    /** Changes after every selection change, when ids and primary agree. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    private void changed() { revision.set(revision.get() + 1); }

    public boolean isSelected(String id) {
        return id != null && ids.stream().anyMatch(x -> x.equalsIgnoreCase(id));
    }

    /** Selects only {@code id} (null clears). */
    public void select(String id) {
        if (id == null) { clear(); return; }
        if (ids.size() == 1 && isSelected(id)) return;
        ids.clear();
        ids.add(id);
        primary.set(id);
        changed();
    }

    /** Shift-click: adds or removes one. */
    public void toggle(String id) {
        if (id == null) return;
        if (isSelected(id)) {
            ids.removeIf(x -> x.equalsIgnoreCase(id));
            primary.set(ids.isEmpty() ? null : ids.iterator().next());
        } else {
            ids.add(id);
            primary.set(id);
        }
        changed();
    }

    public void setAll(Collection<String> all) {
        ids.clear();
        ids.addAll(all);
        primary.set(all.isEmpty() ? null : all.iterator().next());
        changed();
    }

    public void addAll(Collection<String> more) {
        ids.addAll(more);
        if (primary.get() == null && !ids.isEmpty()) primary.set(ids.iterator().next());
        changed();
    }

    public void clear() {
        if (ids.isEmpty() && primary.get() == null) return;
        ids.clear();
        primary.set(null);
        changed();
    }

    /** Drops ids that no longer exist (after delete, undo, open). */
    public void retain(java.util.function.Predicate<String> exists) {
        ids.removeIf(x -> !exists.test(x));
        if (primary.get() != null && !exists.test(primary.get())) primary.set(ids.isEmpty() ? null : ids.iterator().next());
        changed();
    }

    static String key(String id) { return id.toLowerCase(Locale.ROOT); }
}
