package minet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The in-repository copies of the real-world templates are the files of ../shared/real-world, byte for byte. */
class RealWorldFixturesTest {

    @Test
    void theCopiesInTheRepositoryAreTheSharedFiles() throws Exception {
        assumeTrue(Files.isDirectory(RealWorld.SHARED),
                "../shared/real-world is not beside this checkout (a clone of the repository alone): the in-repository copies are used");
        List<Path> shared;
        try (Stream<Path> l = Files.list(RealWorld.SHARED)) {
            shared = l.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(shared).isNotEmpty();
        for (Path s : shared) {
            Path copy = RealWorld.DIR.resolve(s.getFileName().toString());
            assertThat(copy).as("copy of " + s + " in the repository").exists();
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(s));
        }
    }

    @Test
    void everyTemplateTheTestsNameIsInTheRepository() {
        for (Path p : List.of(RealWorld.Y2019, RealWorld.NESTED, RealWorld.NESTED_PARAMS, RealWorld.SERVICE_AIDED, RealWorld.AZURE_ENV)) {
            assertThat(p).isRegularFile();
        }
    }
}
