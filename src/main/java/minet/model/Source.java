package minet.model;

/**
 * Where an element came from: the file, the JSON pointer inside it and the line/column (1-based, 0 = unknown).
 * Designs drawn in the window have no source.
 */
public record Source(String file, String pointer, int line, int column) {
    public static Source of(String file, String pointer, int line, int column) {
        return new Source(file, pointer, line, column);
    }

    /** "template.json line 120", the form findings quote. */
    public String describe() {
        String f = file == null ? "" : java.nio.file.Path.of(file).getFileName().toString();
        return line > 0 ? f + " line " + line : f;
    }
}
