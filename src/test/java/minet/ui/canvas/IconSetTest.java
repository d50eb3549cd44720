package minet.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** icons/ is generated from {@link Icons}: it must not drift from what the canvas draws. */
class IconSetTest {
    @Test void everyIconIsInTheFolderAsTheCanvasDrawsIt() throws Exception {
        for (Map.Entry<String, String> e : Icons.all().entrySet()) {
            Path svg = Path.of("icons", e.getKey() + ".svg");
            assertThat(Files.readString(svg)).as(svg.toString()).isEqualTo(Icons.svg(e.getValue(), IconSetWriter.COLOR));
            assertThat(Path.of("icons", e.getKey() + ".png")).isRegularFile();
        }
    }
}
