package minet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Access {
    ALLOW("Allow"), DENY("Deny");

    private final String azure;
    Access(String azure) { this.azure = azure; }

    @JsonValue public String azure() { return azure; }

    @JsonCreator public static Access parse(String s) {
        for (Access a : values()) if (a.azure.equalsIgnoreCase(s)) return a;
        throw new IllegalArgumentException("access must be Allow or Deny, not '" + s + "'");
    }
}
