package minet.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Validator;
import minet.ui.analysis.Analysis;
import minet.ui.analysis.SeedFlows;
import minet.ui.validation.ValidationViewModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the window's background worker runs after each edit: the profile's rules plus the verdict of every drawn
 * seed flow (the canvas arrows). Goals as for validation: one frame (16 ms) on the reference network, 100 ms at
 * Azure's limits. Run: {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 WindowAnalysis'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WindowAnalysisBenchmark {
    Design reference;
    Design limits;
    final SeedFlows flows = new SeedFlows();

    @Setup public void load() throws Exception {
        reference = Importer.load(Path.of("sample-networks/reference.minet.json"));
        limits = AzureLimitsDesign.build();
    }

    @Benchmark public Analysis reference() { return Analysis.of(reference, Validator.DEFAULT_PROFILE, flows); }

    @Benchmark public Analysis azureLimits() { return Analysis.of(limits, Validator.DEFAULT_PROFILE, flows); }

    @Benchmark public Object flowsOnlyAzureLimits() { return flows.verdicts(limits); }
}
