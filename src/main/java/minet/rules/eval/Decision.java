package minet.rules.eval;

/**
 * One rule's share of an evaluation: the {@code portion} of the question it decided. {@link Kind#MAY_MATCH}: the
 * rule may or may not match that portion (a service tag's unknown extent); {@link Kind#MAY_BE_REACHED}: it
 * matches, but an earlier rule may already have decided that portion.
 */
public record Decision(CompiledRule rule, Traffic portion, Kind kind) {
    public enum Kind { MATCH, MAY_MATCH, MAY_BE_REACHED }

    public boolean certain() { return kind == Kind.MATCH; }
    public boolean allows() { return rule.allows(); }
}
