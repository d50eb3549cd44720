package minet.cli;

import minet.rules.Catalog;
import minet.rules.Validator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --profile P}, checked against the catalog's profiles: an unknown one is a usage error (exit 2) naming the known ones. */
public final class ProfileOption {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    private String profile = Validator.DEFAULT_PROFILE;

    @Option(names = "--profile", paramLabel = "P", description = "The rule set to use (default: ${DEFAULT-VALUE}); see `minet rules`.",
            defaultValue = Validator.DEFAULT_PROFILE)
    void setProfile(String p) {
        if (!Catalog.profiles().contains(p)) {
            throw new ParameterException(spec.commandLine(), "unknown profile '" + p + "'; known profiles: "
                    + String.join(", ", Catalog.profiles()));
        }
        profile = p;
    }

    public String name() { return profile; }
}
