package minet.io.export;

import minet.model.Design;

/** Writes the NSGs, route tables and subnet associations of a design in one target format. */
public interface Exporter {
    /**
     * The whole file's text.
     *
     * @throws IllegalArgumentException when a value cannot be carried by the format at all (a NUL character)
     */
    String export(Design design);
}
