package minet.rules.eval;

import minet.model.Access;
import minet.model.SecurityRule;

/** A security rule (user or default) with its match as a {@link Traffic} box. */
public record CompiledRule(SecurityRule rule, boolean isDefault, Traffic match) {
    public String name() { return rule.name(); }

    // Identity: a compiled rule stands for one rule of one evaluator (and record hashing would walk every field).
    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
    public int priority() { return rule.priorityOr(Integer.MAX_VALUE); }
    public boolean allows() { return rule.access() == Access.ALLOW; }

    /** The description of the rules Azure adds to a template's NSG when it deploys the subnet (evaluated first). */
    public static final String ADDED_BY_AZURE = "added by Azure when it deploys the subnet";

    /** "rule 'deny_internet' (priority 150)", or "default rule 'DenyAllInBound' (priority 65500)". */
    public String describe() {
        if (ADDED_BY_AZURE.equals(rule.description())) return "Azure's rule '" + rule.name() + "' (" + ADDED_BY_AZURE + ")";
        return (isDefault ? "default rule '" : "rule '") + rule.name() + "' (priority " + (rule.priority() == null ? "?" : rule.priority()) + ")";
    }
}
