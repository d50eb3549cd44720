package minet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Direction {
    INBOUND("Inbound"), OUTBOUND("Outbound");

    private final String azure;
    Direction(String azure) { this.azure = azure; }

    /** Azure's spelling, as in ARM and az CLI output. */
    @JsonValue public String azure() { return azure; }

    @JsonCreator public static Direction parse(String s) {
        for (Direction d : values()) if (d.azure.equalsIgnoreCase(s)) return d;
        throw new IllegalArgumentException("direction must be Inbound or Outbound, not '" + s + "'");
    }
}
