package minet.rules;

/**
 * What the catalog says of a rule in one profile: its stable ID and severity (rules.md), a one-line title, the
 * era's requirement in the user's words, what its fix does ("none" when it has none), and the Microsoft document
 * (and date) the requirement comes from. Used by the details pane, SARIF rule metadata and {@code minet rules}.
 */
public record RuleInfo(String id, Severity severity, String title, String requirement, String fix, String source) {
    /** A rule without a cited source. */
    public RuleInfo(String id, Severity severity, String title, String requirement, String fix) {
        this(id, severity, title, requirement, fix, null);
    }
}
