package minet.rules;

import java.util.List;
import minet.model.DesignState;

/**
 * The findings of one validation run, in a stable order, and how long it took. {@code profile} is the profile that
 * was used (never "auto"), {@code profileReason} why ("subnet 'mi' is delegated to Microsoft.Sql/managedInstances",
 * "chosen with --profile"), {@code state} whether the design was judged as what the user asks for or what exists.
 */
public record Report(String profile, String profileReason, DesignState state, List<Finding> findings, long nanos) {
    public Report {
        findings = List.copyOf(findings);
        if (state == null) state = DesignState.DESIRED;
    }

    public Report(String profile, List<Finding> findings, long nanos) {
        this(profile, null, DesignState.DESIRED, findings, nanos);
    }

    public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    public long errors() { return count(Severity.ERROR); }
    public long warnings() { return count(Severity.WARNING); }
    public long infos() { return count(Severity.INFO); }
    public boolean hasErrors() { return errors() > 0; }
}
