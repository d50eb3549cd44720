package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the catalog; this keeps the checked-in copy in step with the code. */
class RulesDocTest {
    @Test
    void docsRulesMdIsWhatTheCatalogGenerates() throws Exception {
        StringWriter out = new StringWriter();
        int rc = Cli.run(new String[] {"rules", "--format", "markdown"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(rc).isZero();
        assertThat(out.toString())
                .as("docs/rules.md is stale: regenerate it with `java -jar target/minet.jar rules --format markdown > docs/rules.md`")
                .isEqualTo(Files.readString(Path.of("docs", "rules.md")));
    }
}
