package minet.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import minet.model.Design;
import minet.model.ImportNote;
import minet.rules.check.Checks;

/** Runs a profile's rules over a design: a pure function, safe to call from any thread. */
public final class Validator {
    public static final String DEFAULT_PROFILE = "azure-2019-04";

    private Validator() {}

    /**
     * The findings of {@code profile} on {@code design}, errors first, then by element and rule (a stable order).
     * @throws IllegalArgumentException for a profile that does not exist (the message lists the known ones)
     */
    public static Report validate(Design design, String profile) {
        if (!Catalog.profiles().contains(profile)) {
            throw new IllegalArgumentException("unknown profile '" + profile + "'; known profiles: " + String.join(", ", Catalog.profiles()));
        }
        long t0 = System.nanoTime();
        List<Finding> findings = new ArrayList<>(Checks.run(design));
        for (ImportNote n : design.importNotes()) findings.add(fromNote(n));
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.resource() == null ? "" : f.resource())
                .thenComparingInt(f -> Catalog.order(profile, f.ruleId()))
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        return new Report(profile, findings, System.nanoTime() - t0);
    }

    public static Report validate(Design design) {
        return validate(design, DEFAULT_PROFILE);
    }

    private static Finding fromNote(ImportNote n) {
        Severity sev;
        try {
            sev = n.severity() == null ? Severity.WARNING : Severity.parse(n.severity());
        } catch (IllegalArgumentException e) {
            sev = Severity.WARNING;
        }
        return new Finding(n.ruleId(), sev, n.resource(), n.message(), java.util.Map.of(), null, n.source());
    }

}
