package minet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import minet.fix.ChangeList;
import minet.fix.Fix;
import minet.fix.Fixes;
import minet.fix.SemanticDiff;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.Route;
import minet.model.SecurityRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the Fix and Fix all buttons cost: the fixes available for the validation panel, Fix all with its change
 * list, and the review dialog's semantic diff; on the reference network with its mandatory rules and some routes
 * removed, and at Azure's limits (1000 rules in the MI subnet's NSG, 300 user routes before the seed's are added).
 * Run: {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main -f 1 -wi 3 -i 5 FixBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FixBenchmark {
    Design reference;
    Design limits;

    @Setup
    public void setUp() throws Exception {
        Design ref = DesignFile.read(Path.of("sample-networks/reference.minet.json"));
        reference = ref.mapSecurityGroup("nsg-mi", g -> g.withRules(Lists.minus(g.rules(), r -> r.name().startsWith("allow_mi"))))
                .mapRouteTable("rt-mi", t -> t.withRoutes(t.routes().subList(0, 50)));
        Random random = new Random(42);
        List<SecurityRule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Direction dir = i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            String peer = "10." + (1 + random.nextInt(200)) + "." + random.nextInt(256) + ".0/24";
            String port = String.valueOf(1024 + random.nextInt(60000));
            rules.add(SecurityRule.of("user_" + i, 150 + i * 3, dir, random.nextBoolean() ? Access.ALLOW : Access.DENY, "Tcp",
                    List.of(dir == Direction.INBOUND ? peer : "10.0.0.0/24"), List.of("*"),
                    List.of(dir == Direction.INBOUND ? "10.0.0.0/24" : peer), List.of(port)));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            routes.add(Route.of("onprem-" + i, "172." + (16 + i / 256) + "." + (i % 256) + ".0/24", Route.GATEWAY));
        }
        limits = ref.mapSecurityGroup("nsg-mi", g -> g.withRules(rules)).mapRouteTable("rt-mi", t -> t.withRoutes(routes));
    }

    @Benchmark
    public List<Fix> availableReference() {
        return Fixes.available(reference);
    }

    @Benchmark
    public ChangeList fixAllReference() {
        return Fixes.runAll(reference).changes();
    }

    @Benchmark
    public List<Fix> availableAtLimits() {
        return Fixes.available(limits);
    }

    @Benchmark
    public ChangeList fixAllAtLimits() {
        return Fixes.runAll(limits).changes();
    }

    @Benchmark
    public SemanticDiff semanticDiffReference() {
        return SemanticDiff.between(reference, Fixes.fixAll(reference).apply(reference));
    }
}
