package minet.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import minet.io.Importer;
import minet.rules.Tracer;
import minet.rules.eval.Protocols;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Trace verdicts per second on the reference network (goal ≥ 1 million/s): route at the source subnet, outbound
 * and inbound NSG, for address-to-address traces (the packet path) and a subnet-to-instance trace (the set path).
 * Run: {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 TraceBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceBenchmark {
    Tracer tracer;
    Tracer.Endpoint client, instance, internetHost, miNode, azureHost, appSubnet, miName;
    int port;

    @Setup public void load() throws Exception {
        tracer = new Tracer(Importer.load(Path.of("sample-networks/reference.minet.json")));
        client = tracer.endpoint("10.0.1.5");
        instance = tracer.endpoint("10.0.0.10");
        internetHost = tracer.endpoint("8.8.8.8");
        miNode = tracer.endpoint("10.0.0.4");
        azureHost = tracer.endpoint("52.1.2.3");
        appSubnet = tracer.endpoint("AppSubnet");
        miName = tracer.endpoint("sqlmi-ref");
    }

    /** A client in the VNet to the instance's data port: allowed by allow_tds_inbound. */
    @Benchmark public Tracer.Trace clientToInstance() { return tracer.trace(client, instance, Protocols.TCP, 1433); }

    /** A public host to the data port: denied by deny_all_inbound. */
    @Benchmark public Tracer.Trace internetToInstance() { return tracer.trace(internetHost, instance, Protocols.TCP, 1433); }

    /** An MI node to an Azure address, through the mi-52-8 route and the outbound NSG. */
    @Benchmark public Tracer.Trace instanceToAzure() { return tracer.trace(miNode, azureHost, Protocols.TCP, 443); }

    /** Every address of AppSubnet to the instance (set evaluation). */
    @Benchmark public Tracer.Trace subnetToInstance() { return tracer.trace(appSubnet, miName, Protocols.TCP, 1433); }
}
