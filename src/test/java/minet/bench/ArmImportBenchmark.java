package minet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.arm.ArmImporter;
import minet.model.Design;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Importing a ~20 MB ARM template (many NSGs with many rules, route tables, subnets, copy loops and expressions)
 * against Jackson reading the same bytes into a tree. Goal: {@link #armImport} within 2x {@link #jacksonTree}
 * ({@link #armImport} builds the security groups and route tables on all processors; {@link #armImportOneThread}
 * on one).
 * {@link #jsonSource} is the positions-keeping parse that the import starts with.
 *
 * <pre>mvn -q -o test-compile exec:exec -Pbench -Djmh.args=ArmImportBenchmark</pre> (fork, warm-up and measurement are set below)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// a fixed, roomy young generation: under a loaded machine G1 otherwise shrinks it and copies the live tree over and over
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Xmn1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ArmImportBenchmark {
    static final ObjectMapper MAPPER = new ObjectMapper();

    byte[] template;

    @Setup
    public void generate() throws Exception {
        template = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(largeTemplate(700, 60, 20, 100));
    }

    @Benchmark
    public JsonNode jacksonTree() throws Exception {
        return MAPPER.readTree(template);
    }

    @Benchmark
    public JsonSource jsonSource() throws InputException {
        return JsonSource.parse("large.json", template);
    }

    @Benchmark
    public Design armImport() throws InputException {
        return ArmImporter.load(List.of(JsonSource.parse("large.json", template)), ImportOptions.NONE);
    }

    /** The same on one thread: what a one-processor machine gets. */
    @Benchmark
    public Design armImportOneThread() throws InputException {
        return ArmImporter.load(List.of(JsonSource.parse("large.json", template)), ImportOptions.NONE, Integer.MAX_VALUE);
    }

    /**
     * A template with {@code nsgs} NSGs of {@code rules} rules each (names, prefixes and ports partly expressions),
     * one copy-looped NSG resource (50 x 100 rules from a property copy), {@code tables} route tables of 400
     * routes and a VNet with {@code subnets} subnets.
     */
    public static ObjectNode largeTemplate(int nsgs, int rules, int tables, int subnets) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        t.put("contentVersion", "1.0.0.0");
        ObjectNode ps = t.putObject("parameters");
        ps.putObject("miPrefix").put("type", "string").put("defaultValue", "10.0.0.0/24");
        ps.putObject("location").put("type", "string").put("defaultValue", "[resourceGroup().location]");
        ObjectNode vs = t.putObject("variables");
        vs.put("nsgPrefix", "nsg-");
        ArrayNode ports = vs.putArray("ports");
        for (int i = 0; i < 10; i++) ports.add(String.valueOf(1433 + i));
        ArrayNode rs = t.putArray("resources");
        for (int n = 0; n < nsgs; n++) {
            ObjectNode nsg = rs.addObject();
            nsg.put("type", "Microsoft.Network/networkSecurityGroups");
            nsg.put("apiVersion", "2023-04-01");
            nsg.put("name", "[concat(variables('nsgPrefix'), '" + n + "')]");
            nsg.put("location", "[parameters('location')]");
            ArrayNode sr = nsg.putObject("properties").putArray("securityRules");
            for (int r = 0; r < rules; r++) {
                ObjectNode rule = sr.addObject();
                rule.put("name", "rule_" + n + "_" + r);
                ObjectNode p = rule.putObject("properties");
                p.put("description", "Generated rule " + r + " of NSG " + n);
                p.put("protocol", r % 3 == 0 ? "*" : "Tcp");
                p.put("sourcePortRange", "*");
                if (r % 2 == 0) p.put("destinationPortRange", "[variables('ports')[" + (r % 10) + "]]");
                else p.putArray("destinationPortRanges").add("9000").add("9003").add(String.valueOf(10000 + r));
                p.put("sourceAddressPrefix", r % 4 == 0 ? "[parameters('miPrefix')]" : "10." + (n % 250) + "." + (r % 250) + ".0/24");
                p.put("destinationAddressPrefix", "*");
                p.put("access", r % 5 == 0 ? "Deny" : "Allow");
                p.put("priority", 100 + r * 10);
                p.put("direction", r % 2 == 0 ? "Inbound" : "Outbound");
            }
        }
        ObjectNode looped = rs.addObject();
        looped.put("type", "Microsoft.Network/networkSecurityGroups");
        looped.put("apiVersion", "2023-04-01");
        looped.put("name", "[concat('looped-', copyIndex())]");
        looped.putObject("copy").put("name", "nsgs").put("count", 50);
        ObjectNode spec = looped.putObject("properties").putArray("copy").addObject();
        spec.put("name", "securityRules");
        spec.put("count", 100);
        ObjectNode in = spec.putObject("input");
        in.put("name", "[format('r-{0}-{1}', copyIndex('nsgs'), copyIndex('securityRules'))]");
        ObjectNode ip = in.putObject("properties");
        ip.put("priority", "[add(100, copyIndex('securityRules'))]");
        ip.put("direction", "Inbound");
        ip.put("access", "Allow");
        ip.put("protocol", "Tcp");
        ip.put("sourcePortRange", "*");
        ip.put("destinationPortRange", "[string(add(20000, copyIndex('securityRules')))]");
        ip.put("sourceAddressPrefix", "[parameters('miPrefix')]");
        ip.put("destinationAddressPrefix", "*");
        for (int k = 0; k < tables; k++) {
            ObjectNode rt = rs.addObject();
            rt.put("type", "Microsoft.Network/routeTables");
            rt.put("apiVersion", "2023-04-01");
            rt.put("name", "rt-" + k);
            ArrayNode routes = rt.putObject("properties").putArray("routes");
            for (int r = 0; r < 400; r++) {
                ObjectNode route = routes.addObject();
                route.put("name", "route-" + r);
                route.putObject("properties").put("addressPrefix", (r % 200 + 20) + "." + (r / 200) + ".0.0/16").put("nextHopType", "Internet");
            }
        }
        ObjectNode vnet = rs.addObject();
        vnet.put("type", "Microsoft.Network/virtualNetworks");
        vnet.put("apiVersion", "2023-04-01");
        vnet.put("name", "vnet");
        ObjectNode vp = vnet.putObject("properties");
        vp.putObject("addressSpace").putArray("addressPrefixes").add("10.0.0.0/8");
        ArrayNode sn = vp.putArray("subnets");
        for (int s = 0; s < subnets; s++) {
            ObjectNode subnet = sn.addObject();
            subnet.put("name", "subnet-" + s);
            ObjectNode p = subnet.putObject("properties");
            p.put("addressPrefix", "10." + s + ".0.0/16");
            p.putObject("networkSecurityGroup").put("id", "[resourceId('Microsoft.Network/networkSecurityGroups', concat(variables('nsgPrefix'), '" + (s % Math.max(1, nsgs)) + "'))]");
            p.putObject("routeTable").put("id", "[resourceId('Microsoft.Network/routeTables', 'rt-" + (s % Math.max(1, tables)) + "')]");
        }
        return t;
    }
}
