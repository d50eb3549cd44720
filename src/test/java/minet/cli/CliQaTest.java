package minet.cli;

import static minet.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import minet.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets on the command line with bad input: one readable line naming the file, exit 2. */
class CliQaTest {
    static final String REFERENCE = "sample-networks/reference.minet.json";

    @TempDir Path tmp;

    @Test
    void truncatedJsonNamesThePositionWithoutJacksonsInternals() throws Exception {
        Path f = Files.writeString(tmp.resolve("cut.json"), "{\"a\": [1, 2");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet validate: " + f + ":1:12: malformed JSON")
                .contains("start marker at line 1, column 7")
                .doesNotContain("Source:").doesNotContain("StreamReadFeature");
    }

    @Test
    void aDirectoryGivenAsInputIsCalledADirectoryNotAMissingFile() {
        Run r = run("validate", tmp.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().strip()).isEqualTo("minet validate: " + tmp + ": is a directory, not a file");
    }
}
