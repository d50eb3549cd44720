package minet.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Report;
import minet.rules.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Full validation, single-threaded: the reference network (goal ≤ 1 ms) and a design at Azure's limits (1000 NSG
 * rules, 400 routes, 100 subnets; goal ≤ 50 ms). Run:
 * {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 ValidateBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidateBenchmark {
    Design reference;
    Design limits;

    @Setup public void load() throws Exception {
        reference = Importer.load(Path.of("sample-networks/reference.minet.json"));
        limits = AzureLimitsDesign.build();
    }

    @Benchmark public Report reference() { return Validator.validate(reference); }

    @Benchmark public Report azureLimits() { return Validator.validate(limits); }
}
