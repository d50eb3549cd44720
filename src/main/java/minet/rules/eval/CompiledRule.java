package minet.rules.eval;

import minet.model.Access;
import minet.model.SecurityRule;

/** A security rule (user or default) with its match as a {@link Traffic} box. */
public record CompiledRule(SecurityRule rule, boolean isDefault, Traffic match) {
    public String name() { return rule.name(); }
    public int priority() { return rule.priorityOr(Integer.MAX_VALUE); }
    public boolean allows() { return rule.access() == Access.ALLOW; }

    /** "rule 'deny_internet' (priority 150)", or "default rule 'DenyAllInBound' (priority 65500)". */
    public String describe() {
        return (isDefault ? "default rule '" : "rule '") + rule.name() + "' (priority " + (rule.priority() == null ? "?" : rule.priority()) + ")";
    }
}
