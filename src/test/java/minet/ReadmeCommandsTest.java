package minet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Maven commands the READMEs show run on a fresh machine: none of them works offline only (-o fails with "No
 * plugin found for prefix 'exec'" where Maven has not fetched the plugin yet).
 */
class ReadmeCommandsTest {
    static final Pattern MVN = Pattern.compile("(?m)\\bmvn\\b[^\\n`]*");

    @Test
    void noMavenCommandOfTheReadmesNeedsTheLocalRepositoryFilledAlready() throws Exception {
        for (Path doc : List.of(Path.of("README.md"), Path.of("packaging", "README.md"))) {
            Matcher m = MVN.matcher(Files.readString(doc));
            int commands = 0;
            while (m.find()) {
                commands++;
                assertThat(m.group()).as("%s: %s", doc, m.group()).doesNotContainPattern("\\s(-o|--offline)(\\s|$)");
            }
            assertThat(commands).as(doc.toString()).isPositive();
        }
    }
}
