package minet.rules;

import java.util.List;
import minet.model.Design;

/** Runs a profile's rules over a design: a pure function, safe to call from any thread. */
public final class Validator {
    public static final String DEFAULT_PROFILE = "azure-2019-04";

    private Validator() {}

    public static Report validate(Design design, String profile) {
        long t0 = System.nanoTime();
        List<Finding> findings = List.of(); // the rule catalog plugs in here
        return new Report(profile, findings, System.nanoTime() - t0);
    }

    public static Report validate(Design design) {
        return validate(design, DEFAULT_PROFILE);
    }
}
