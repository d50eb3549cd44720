package minet.rules;

/**
 * What the catalog says of a rule: its stable ID and severity (rules.md), a one-line title, the seed's
 * requirement in the user's words, and what its fix does ("none" when it has none). Used by the details pane,
 * SARIF rule metadata and {@code minet rules}.
 */
public record RuleInfo(String id, Severity severity, String title, String requirement, String fix) {}
