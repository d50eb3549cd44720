package minet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import minet.io.export.ExportFormat;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Layout;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Export of a design at Azure's limits (an NSG of 1000 rules, a route table of 400 routes, 100 associated subnets):
 * each format is written off the UI thread, this says how long the user waits. Run:
 * {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 ExportBench'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExportBench {
    @Param({"ARM", "BICEP", "TERRAFORM", "AZCLI", "POWERSHELL", "CSV", "MARKDOWN"})
    public String format;

    private Design design;
    private ExportFormat target;

    @Setup public void setUp() {
        List<SecurityRule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rules.add(SecurityRule.of("rule-" + i, 100 + i % 500 * 7, i < 500 ? Direction.INBOUND : Direction.OUTBOUND,
                    i % 3 == 0 ? Access.DENY : Access.ALLOW, "Tcp", List.of("10." + i % 250 + ".0.0/16"), List.of("*"),
                    List.of("10.0.0.0/24", "10.0.1.0/24"), List.of(String.valueOf(1000 + i), "443"))
                    .withDescription("rule number " + i + " for 'app' traffic"));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 400; i++) routes.add(Route.of("route-" + i, (20 + i % 200) + "." + i / 200 + ".0.0/16", Route.INTERNET));
        List<Subnet> subnets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subnets.add(new Subnet("vnet/s" + i, "subnet-" + i, List.of("10.1." + i + ".0/24"), "nsg", "rt",
                    List.of(), List.of(), List.of(), false, null));
        }
        design = new Design("limits", List.of(new VirtualNetwork("vnet", "vnet", "westeurope", List.of("10.0.0.0/8"),
                List.of(), false, List.of(), subnets, null)),
                List.of(new SecurityGroup("nsg", "nsg", "westeurope", rules, null)),
                List.of(new RouteTable("rt", "rt", "westeurope", false, routes, null)), List.of(), List.of(), Layout.EMPTY, List.of());
        target = ExportFormat.valueOf(format);
    }

    @Benchmark public String export() {
        return target.exporter().export(design);
    }
}
