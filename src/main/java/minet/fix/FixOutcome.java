package minet.fix;

/**
 * Something a fix cannot do, or a finding that has no fix: what the user must do instead
 * ("needs a /27: create a new subnet and move the instance"). {@code elementId} as in findings; may be null.
 */
public record FixOutcome(String ruleId, String elementId, String message) {
    public String text() {
        return ruleId + ": " + message;
    }
}
