package minet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Defect 5: the window opened at 898 × 575 on a 1440 × 900 screen; now it uses the screen and remembers itself. */
class WindowStateTest {
    private final Preferences node = Preferences.userRoot().node("minet-test/window-" + ProcessHandle.current().pid());

    @AfterEach void clean() throws Exception {
        node.removeNode();
    }

    @Test void theFirstStartTakesMostOfALargeScreenAndAllOfASmallOne() {
        WindowState big = WindowState.firstStart(new Rectangle2D(0, 0, 1440, 900));
        assertThat(big.width()).isEqualTo(1296);
        assertThat(big.height()).isEqualTo(810);
        assertThat(big.x()).isEqualTo(72);
        assertThat(big.maximized()).isFalse();
        assertThat(WindowState.firstStart(new Rectangle2D(0, 0, 1024, 700)).maximized()).isTrue();
        assertThat(WindowState.firstStart(new Rectangle2D(0, 0, 1366, 740)).maximized()).isTrue();
    }

    @Test void sizeMaximisedStateAndPanelsAreRememberedBetweenRuns() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1080);
        assertThat(WindowState.load(node, screen)).isEqualTo(WindowState.firstStart(screen));
        WindowState used = new WindowState(100, 50, 1500, 900, true, 250, 420, 300);
        used.save(node);
        assertThat(WindowState.load(node, screen)).isEqualTo(used);
        WindowState folded = new WindowState(100, 50, 1024, 700, false, 46, 300, 200, true);
        folded.save(node);
        assertThat(WindowState.load(node, screen).propertiesCollapsed()).isTrue();
    }

    @Test void aPlaceOffTheScreenFallsBackToTheFirstStartsButKeepsTheRest() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800);
        new WindowState(2500, 40, 1500, 900, false, 250, 420, 300).save(node); // on a monitor since unplugged
        WindowState s = WindowState.load(node, screen);
        assertThat(s.x()).isLessThan(1280);
        assertThat(s.width()).isLessThanOrEqualTo(1280);
        assertThat(s.paletteWidth()).isEqualTo(250);
        assertThat(s.propertiesWidth()).isEqualTo(420);
    }
}
