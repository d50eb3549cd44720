package minet.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Report;
import minet.rules.Validator;
import minet.rules.AzureRules;
import minet.model.DesignState;
import minet.model.SecurityRule;
import minet.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Full validation, single-threaded: the reference network (goal ≤ 1 ms) and a design at Azure's limits (1000 NSG
 * rules, 400 routes, 100 subnets; goal ≤ 50 ms), by the 04/2019 rules and by the current ones (the same designs,
 * delegated, with Azure's own rules in place: the live state the current profile checks most). Run:
 * {@code mvn -q test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 ValidateBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidateBenchmark {
    /** azure-2019-04 on the designs as they are; latest on them delegated and carrying Azure's rules, as a live state. */
    @Param({"azure-2019-04", "latest"}) public String profile;

    Design reference;
    Design limits;

    @Setup public void load() throws Exception {
        reference = Importer.load(Path.of("sample-networks/reference.minet.json"));
        limits = AzureLimitsDesign.build();
        if (!profile.equals("azure-2019-04")) {
            reference = current(reference);
            limits = current(limits);
        }
    }

    /** The design as today's Azure shows it: MI subnets delegated, Azure's 07/2024 rules first in their NSGs, a live state. */
    static Design current(Design d) {
        for (Subnet s : d.miSubnets()) {
            Subnet mi = s;
            d = d.mapSubnet(s.id(), x -> x.withDelegations(List.of(Subnet.MI_DELEGATION)));
            if (s.nsgId() != null) {
                d = d.mapSecurityGroup(s.nsgId(), g -> {
                    List<SecurityRule> rules = new ArrayList<>();
                    for (var w : AzureRules.RULES) {
                        if (!w.stem().equals("mi-healthprobe-in") && !w.stem().startsWith("mi-internal")) continue;
                        // Azure's rules take the lowest priorities the user's rules leave free.
                        int p = 100;
                        while (taken(g, rules, w.direction(), p)) p++;
                        rules.add(w.rule(mi.addressPrefixes(), p, null));
                    }
                    rules.addAll(g.rules());
                    return g.withRules(rules);
                });
            }
        }
        return d.withState(DesignState.LIVE);
    }

    private static boolean taken(minet.model.SecurityGroup g, List<SecurityRule> more, minet.model.Direction dir, int p) {
        for (SecurityRule r : g.rules()) if (r.direction() == dir && r.priority() != null && r.priority() == p) return true;
        for (SecurityRule r : more) if (r.direction() == dir && r.priority() == p) return true;
        return false;
    }

    @Benchmark public Report reference() { return Validator.validate(reference, profile); }

    @Benchmark public Report azureLimits() { return Validator.validate(limits, profile); }
}
