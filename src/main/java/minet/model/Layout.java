package minet.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where each element sits on the canvas, keyed by element id. Elements with no entry are laid out automatically. */
public record Layout(Map<String, Bounds> positions) {
    public static final Layout EMPTY = new Layout(Map.of());

    public Layout {
        positions = positions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    public Optional<Bounds> of(String id) { return Optional.ofNullable(positions.get(id)); }

    public Layout with(String id, Bounds b) {
        Map<String, Bounds> m = new LinkedHashMap<>(positions);
        m.put(id, b);
        return new Layout(m);
    }

    public Layout without(String id) {
        Map<String, Bounds> m = new LinkedHashMap<>(positions);
        m.remove(id);
        return new Layout(m);
    }
}
