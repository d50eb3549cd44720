package minet.cli;

import minet.rules.Profiles;
import minet.rules.Validator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --profile P}: auto (the default: the era the design's evidence points to), latest, or a profile id; an
 * unknown one is a usage error (exit 2) naming the known ones.
 */
public final class ProfileOption {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    private String profile = Validator.DEFAULT_PROFILE;

    @Option(names = "--profile", paramLabel = "P",
            description = "The rule set: auto (default: the current rules for a delegated MI subnet or one carrying Azure's own rules, "
                    + "the manual configuration of 04/2019 otherwise), latest, or one of azure-2019-04, azure-2020-10, azure-2022-11, "
                    + "azure-2024-07, azure-2025-09; see `minet rules`.",
            defaultValue = Validator.DEFAULT_PROFILE)
    void setProfile(String p) {
        if (Profiles.names().stream().noneMatch(n -> n.equalsIgnoreCase(p))) {
            throw new ParameterException(spec.commandLine(), "unknown profile '" + p + "'; known profiles: "
                    + String.join(", ", Profiles.names()));
        }
        profile = p;
    }

    public String name() { return profile; }
}
