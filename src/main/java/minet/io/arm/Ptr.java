package minet.io.arm;

import minet.io.JsonSource;

/**
 * A JSON pointer built only when needed: evaluating a large template visits millions of values, and writing
 * each one's pointer out would cost more than the evaluation. Only expressions, errors and origins ask for it.
 */
final class Ptr {
    private final Ptr parent;
    private final String key;
    private final int index;
    private String text;

    private Ptr(Ptr parent, String key, int index, String text) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.text = text;
    }

    static Ptr of(String pointer) {
        return new Ptr(null, null, -1, pointer);
    }

    Ptr field(String name) {
        return new Ptr(this, name, -1, null);
    }

    Ptr index(int i) {
        return new Ptr(this, null, i, null);
    }

    @Override
    public String toString() {
        if (text == null) {
            String p = parent.toString();
            text = key != null ? p + "/" + JsonSource.escape(key) : p + "/" + index;
        }
        return text;
    }
}
