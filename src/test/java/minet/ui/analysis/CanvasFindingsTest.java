package minet.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import minet.rules.Finding;
import minet.rules.Severity;
import org.junit.jupiter.api.Test;

class CanvasFindingsTest {
    private static Finding f(Severity s, String element) {
        return new Finding("R", s, "r", "m", Map.of(), element, null);
    }

    @Test void oneBadgePerElementWithItsWorstSeverityAndCount() {
        var badges = CanvasFindings.badges(List.of(f(Severity.WARNING, "nsg"), f(Severity.ERROR, "nsg"), f(Severity.INFO, "nsg"),
                f(Severity.INFO, "rt"), f(Severity.WARNING, "rt"), f(Severity.ERROR, null)));
        assertThat(badges).containsOnlyKeys("nsg", "rt");
        assertThat(badges.get("nsg")).isEqualTo(Map.entry(Severity.ERROR, 3));
        assertThat(badges.get("rt")).isEqualTo(Map.entry(Severity.WARNING, 2));
    }
}
