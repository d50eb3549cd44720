package minet.io.export;

/** Small text helpers the exporters share. */
final class Text {
    private Text() {}

    /**
     * For comments: a name on one line, whatever it holds. Line breaks (including the Unicode ones) and other
     * control characters become spaces so that text cannot leave the comment it is written into.
     */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int t = Character.getType(c);
            boolean breaks = Character.isISOControl(c) || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR
                    || c == '\u0085';
            sb.append(breaks ? ' ' : c);
        }
        return sb.toString();
    }

    /** A NUL cannot travel in a command-line argument or most files; refuse rather than silently cut the value. */
    static String requireNoNul(String s, String what) {
        if (s != null && s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character, which cannot be exported: '"
                    + oneLine(s.replace('\0', ' ')) + "'");
        }
        return s;
    }

    /** Splits prose into lines of at most {@code width} characters (longer words stay whole). */
    static java.util.List<String> wrap(String prose, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : oneLine(prose).split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
