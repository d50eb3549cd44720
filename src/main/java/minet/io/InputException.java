package minet.io;

import minet.model.Excerpt;

/**
 * Input a user gave us that we cannot use. The message is for the user: {@code file:line:column: problem}, on one
 * line, with long values shortened ({@link Excerpt}). Never carries a stack trace to the terminal.
 */
public class InputException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InputException(String file, int line, int column, String problem) {
        this(file, line, column, oneLine(problem), true);
    }

    /** {@code problem} already on one line and shortened (the flag only tells the constructors apart). */
    private InputException(String file, int line, int column, String problem, boolean oneLine) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public InputException(String file, String problem) {
        this(file, 0, 0, problem);
    }

    private static String oneLine(String problem) {
        return problem == null ? null : Excerpt.message(problem.replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }

    private static String format(String file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    /**
     * What {@code parse} gives, or its IllegalArgumentException (the model's words for a value it cannot hold, such as
     * a service tier that is not one) as the located error {@code at} makes of its message.
     */
    public static <T> T parsing(java.util.function.Supplier<T> parse, java.util.function.Function<String, InputException> at)
            throws InputException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw at.apply(e.getMessage());
        }
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public String problem() { return problem; }
}
