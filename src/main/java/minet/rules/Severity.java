package minet.rules;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Severity {
    ERROR, WARNING, INFO;

    /** As in the JSON contract: "error", "warning", "info". */
    @JsonValue public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Severity parse(String s) { return valueOf(s.toUpperCase(java.util.Locale.ROOT)); }
}
