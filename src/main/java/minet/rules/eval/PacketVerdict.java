package minet.rules.eval;

/**
 * What an NSG does to one packet: ALLOWED / ALLOWED_BY_DEFAULT / DENIED, or INDETERMINATE when a rule with a
 * service tag may match first. {@code rule} is the deciding (or the uncertain) rule; null when no NSG applies.
 */
public record PacketVerdict(Verdict verdict, CompiledRule rule) {}
