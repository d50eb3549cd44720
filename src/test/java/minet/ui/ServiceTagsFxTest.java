package minet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import minet.io.DesignFile;
import minet.layout.TracePath;
import minet.model.Design;
import minet.ui.canvas.FlowState;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.FakeDialogs;
import minet.ui.shell.DiskFileService;
import minet.ui.shell.MainWindow;
import minet.ui.shell.RecentFiles;
import minet.ui.trace.EngineTracer;
import minet.ui.validation.ValidationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Load service tags… (#12): with Microsoft's weekly file the window decides traffic to and from service tags
 * that it otherwise reports as "cannot be decided offline": the arrows' colours, the Problems panel (one validation
 * run) and the Trace tab; the status bar names the file; a bad file is a dialog with its line, and keeps what was in
 * use. The design: the sample network with management traffic allowed only from 52.1.0.0/16, which is SqlManagement
 * in the test's tags file and an unknown part of it without the file.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceTagsFxTest {
    static final Path TAGS = Path.of("src", "test", "resources", "service-tags", "ServiceTags_Public_20261123.json");

    @TempDir static Path tmp;
    private MainWindow window;
    private ValidationFeature feature;
    private final FakeDialogs dialogs = new FakeDialogs();

    @Start void start(Stage stage) throws Exception {
        Design restricted = DesignFile.read(Path.of("sample-networks", "reference.minet.json")).mapSecurityGroup("nsg-mi", g -> g.withRules(
                g.rules().stream().map(r -> r.name().equals("allow_management_inbound") ? r.withSourcePrefixes(List.of("52.1.0.0/16")) : r).toList()));
        Path design = tmp.resolve("management-from-52-1.minet.json");
        DesignFile.write(design, restricted);
        Path config = Files.createTempDirectory("minet-tags").resolve("config");
        window = new MainWindow(stage, dialogs, new DiskFileService(config), BackgroundRunner.IN_PLACE, new RecentFiles(config), Theme.LIGHT, null);
        feature = ValidationFeature.install(window, new EngineTracer(), dialogs);
        window.show(design, 1260, 780);
    }

    private FlowState managementInbound() {
        return window.diagram().flows().values().stream().filter(f -> f.flow().id().startsWith("management-inbound:"))
                .findFirst().orElseThrow().state();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return c.call();
        });
    }

    private Label tagsLabel(FxRobot robot) {
        return robot.lookup("#service-tags-label").queryAs(Label.class);
    }

    @Test void aServiceTagsFileDecidesTheArrowsTheProblemsAndTheTrace(FxRobot robot) throws Exception {
        waitFor(() -> window.document().design().name() != null && !window.diagram().flows().isEmpty()
                && feature.validation().analysisProperty().get() != null
                && feature.validation().analysisProperty().get().design() == window.document().design());
        // Without the file: SqlManagement's addresses are not known offline.
        waitFor(() -> managementInbound() == FlowState.UNDECIDED);
        assertThat(tagsLabel(robot).isVisible()).as("no file named while none is loaded").isFalse();
        feature.trace().fromProperty().set("SqlManagement");
        feature.trace().toProperty().set("sqlmi-ref");
        feature.trace().portProperty().set("9000");
        robot.interact(() -> feature.trace().trace());
        assertThat(feature.trace().outcomeProperty().get()).isEqualTo(TracePath.State.UNDECIDED);
        assertThat(feature.trace().verdictProperty().get()).startsWith("Cannot be decided offline");
        assertThat(feature.trace().hintProperty().get()).contains("File → Load service tags…");

        // File → Load service tags…
        dialogs.fileAnswers.add(Optional.of(TAGS));
        robot.clickOn("File").clickOn("Load service tags…");
        assertThat(dialogs.asked).contains("service tags");
        waitFor(() -> managementInbound() == FlowState.ALLOWED);
        assertThat(window.serviceTagsProperty().get().source()).isEqualTo("ServiceTags_Public_20261123.json");
        assertThat(tagsLabel(robot).isVisible()).isTrue();
        assertThat(tagsLabel(robot).getText()).isEqualTo("ServiceTags_Public_20261123.json");
        assertThat(window.shell().statusProperty().get()).contains("ServiceTags_Public_20261123.json").contains("6 tags");
        // The shown trace is asked again with the tags.
        assertThat(feature.trace().outcomeProperty().get()).isEqualTo(TracePath.State.PASSED);
        assertThat(feature.trace().verdictProperty().get()).startsWith("Allowed");
        assertThat(feature.trace().hintProperty().get()).isEmpty();
        // The Problems panel's report is the same run's: the fixes and exports see it too.
        assertThat(feature.validation().currentReport(window.document().design()))
                .isSameAs(feature.validation().analysisProperty().get().report());

        // A file that is not a tags file: a dialog with its line; the tags in use stay.
        Path bad = tmp.resolve("ServiceTags_Public_broken.json");
        Files.writeString(bad, "{\n  \"values\": [\n    {\"name\": \"Storage\", \"properties\": {\"addressPrefixes\": [\"20.60.0.0/33\"]}}\n  ]\n}\n");
        robot.interact(() -> window.shell().loadServiceTags(bad));
        assertThat(dialogs.inputErrorTitles).containsExactly("Cannot load service tags");
        assertThat(dialogs.inputErrors.get(0).line()).isEqualTo(3);
        assertThat(dialogs.inputErrors.get(0).file()).endsWith("ServiceTags_Public_broken.json");
        assertThat(dialogs.inputErrors.get(0).problem()).contains("20.60.0.0/33").contains("Storage");
        assertThat(window.serviceTagsProperty().get().source()).isEqualTo("ServiceTags_Public_20261123.json");
        assertThat(managementInbound()).isEqualTo(FlowState.ALLOWED);
    }
}
