package minet.rules;

import java.util.List;
import java.util.Optional;

/** The rules of each profile, with their metadata. */
public final class Catalog {
    private Catalog() {}

    public static List<String> profiles() {
        return List.of(Validator.DEFAULT_PROFILE);
    }

    public static List<RuleInfo> all(String profile) {
        return List.of(); // filled by the rule engine
    }

    public static Optional<RuleInfo> info(String profile, String ruleId) {
        return all(profile).stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
