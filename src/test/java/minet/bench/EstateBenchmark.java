package minet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import minet.io.ImportOptions;
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
 * The in-process part of validating a generated estate of 500 MI subnets (500 NSGs of 50 rules, 500 route tables
 * of 100 routes; {@link Estate}): reading its two az graph query pages, validating it network by network on all
 * processors (what {@code minet validate} does), and on one thread as one design. The whole process is measured by
 * {@code packaging/measure-estate.sh}. Run:
 * {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 EstateBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EstateBenchmark {
    List<Path> pages;
    Design estate;

    @Setup public void generate() throws Exception {
        pages = Estate.write(Files.createTempDirectory("estate"), 500, false);
        estate = Importer.load(pages, ImportOptions.NONE);
    }

    @Benchmark public Design importPages() throws Exception { return Importer.load(pages, ImportOptions.NONE); }

    @Benchmark public List<minet.rules.Estate.Part> validateByNetwork() {
        return minet.rules.Estate.validate(estate, Validator.DEFAULT_PROFILE);
    }

    @Benchmark public Report validateOneThread() { return Validator.validate(estate); }
}
