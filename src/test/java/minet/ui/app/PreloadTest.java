package minet.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import minet.io.InputException;
import minet.model.Design;
import minet.ui.shell.DiskFileService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged app's preload: the file it read is what the window opens first, errors included; nothing else changes. */
class PreloadTest {
    @TempDir Path dir;

    @Test void theFirstReadOfThePreloadedFileIsThePreloadedDesignThenTheDiskAgain() throws Exception {
        Path file = Path.of("sample-networks", "failover-group.minet.json");
        Preload p = new Preload(new DiskFileService(dir.resolve("config")), file);
        Design first = p.read(file.toAbsolutePath());
        assertThat(first.failoverGroups()).hasSize(1);
        Design again = p.read(file);
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        // The sample was not preloaded: read from disk.
        assertThat(p.sample().name()).contains("Reference network");
    }

    @Test void aFileThatCannotBeReadGivesItsErrorWhenOpened() {
        Path missing = dir.resolve("nowhere.minet.json");
        Preload p = new Preload(new DiskFileService(dir.resolve("config")), missing);
        assertThat(catchThrowable(() -> p.read(missing))).isInstanceOf(InputException.class).hasMessageContaining("nowhere.minet.json");
    }

    @Test void withoutAFileTheSampleIsPreloaded() throws Exception {
        Preload p = new Preload(new DiskFileService(dir.resolve("config")), null);
        Design sample = p.sample();
        assertThat(sample.virtualNetworks()).isNotEmpty();
        Files.writeString(dir.resolve("x.minet.json"), minet.io.DesignFile.toJson(sample));
        assertThat(p.read(dir.resolve("x.minet.json"))).isEqualTo(sample);
    }
}
