package minet.bench;

import java.util.concurrent.TimeUnit;
import minet.layout.BigDesigns;
import minet.layout.Diagram;
import minet.layout.DiagramLayout;
import minet.model.Design;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The canvas lays the design out again after every edit: how long that takes at Azure's limits.
 * {@code mvn -q -o test-compile exec:exec -Pbench -Djmh.args='-f 1 -wi 3 -i 5 DiagramLayoutBench'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiagramLayoutBench {
    @Param({"10", "100"}) int subnets;
    Design design;

    @Setup public void setUp() { design = BigDesigns.of(subnets, 1000); }

    @Benchmark public Diagram layout() { return DiagramLayout.of(design); }
}
