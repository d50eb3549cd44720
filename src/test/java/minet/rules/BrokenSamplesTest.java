package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import minet.io.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each sample of sample-networks/broken/ gives exactly the findings its .expected.txt lists. */
class BrokenSamplesTest {
    static final Path DIR = Path.of("sample-networks/broken");

    static Stream<Path> samples() throws IOException {
        return Files.list(DIR).filter(p -> p.getFileName().toString().endsWith(".minet.json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givesExactlyTheExpectedFindings(Path sample) throws Exception {
        String base = sample.getFileName().toString().replace(".minet.json", "");
        List<String> expected = Files.readAllLines(DIR.resolve(base + ".expected.txt")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        Report report = Validator.validate(Importer.load(sample));
        List<String> actual = report.findings().stream().map(f -> f.severity().id() + " " + f.ruleId()).sorted().toList();
        assertThat(actual).as("findings of %s: %s", base, report.findings()).isEqualTo(expected);
    }

    @Test
    void thereIsASamplePerClassOfMistake() throws IOException {
        assertThat(samples().count()).isGreaterThanOrEqualTo(20);
    }
}
