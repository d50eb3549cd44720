package minet.rules;

import java.util.List;

/** The findings of one validation run, in a stable order, and how long it took. */
public record Report(String profile, List<Finding> findings, long nanos) {
    public Report {
        findings = List.copyOf(findings);
    }

    public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    public long errors() { return count(Severity.ERROR); }
    public long warnings() { return count(Severity.WARNING); }
    public long infos() { return count(Severity.INFO); }
    public boolean hasErrors() { return errors() > 0; }
}
