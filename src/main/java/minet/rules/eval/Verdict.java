package minet.rules.eval;

/** What an NSG does to a set of traffic (or one packet). */
public enum Verdict {
    /** Every packet reaches an Allow before any Deny, and user rules allow all of it. */
    ALLOWED,
    /** Every packet is allowed, but some only by a default rule (AllowVnetInBound …): works, yet fragile. */
    ALLOWED_BY_DEFAULT,
    /** Some packets are allowed and some denied. */
    PARTIAL,
    /** No packet is provably allowed and some are certainly denied. */
    DENIED,
    /** A service tag's unknown extent decides: the algebra cannot tell offline. */
    INDETERMINATE;

    public boolean allowed() { return this == ALLOWED || this == ALLOWED_BY_DEFAULT; }
    public boolean blocked() { return this == PARTIAL || this == DENIED; }
}
