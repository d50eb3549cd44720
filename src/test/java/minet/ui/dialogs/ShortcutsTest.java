package minet.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's shortcut table is the F1 dialog's, word for word. */
class ShortcutsTest {
    @Test void theReadmeListsEveryShortcutOfTheWindow() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).contains(Shortcuts.markdown());
    }
}
