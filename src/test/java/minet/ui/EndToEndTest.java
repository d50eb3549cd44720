package minet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import minet.io.Importer;
import minet.io.InputException;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.Severity;
import minet.rules.Validator;
import minet.ui.canvas.FlowSkin;
import minet.ui.canvas.FlowState;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.FxDialogService;
import minet.ui.shell.DiskFileService;
import minet.ui.dialogs.FxBackgroundRunner;
import minet.ui.shell.MainWindow;
import minet.ui.shell.RecentFiles;
import minet.ui.trace.EngineTracer;
import minet.ui.dialogs.FixPlan;
import minet.ui.validation.ValidationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's whole second and third job on a real template: import the service-aided quickstart, see the errors
 * its NSG and empty route table cause under azure-2019-04, Fix all through the review dialog, reach zero errors,
 * export ARM and re-import it with zero errors. Native file choosers cannot be driven headless, so only the
 * choosers are answered by the test; every other dialog is the real one.
 * With {@code -Dminet.screenshots=DIR} it also saves the README screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndTest {
    static final Path TEMPLATE = minet.RealWorld.SERVICE_AIDED
            .toAbsolutePath().normalize();
    static final Path TEMPLATE_PARAMETERS = Path.of("src", "test", "resources", "arm", "service-aided.parameters.json").toAbsolutePath();

    @TempDir static Path tmp;

    static {
        // A larger headless screen for the README screenshots (only when this class starts the toolkit).
        if (System.getProperty("minet.screenshots") != null) System.setProperty("headless.geometry", "1600x1000-32");
    }
    private MainWindow window;
    private ValidationFeature feature;
    private Choosers choosers;

    /** The real dialogs, except that the file and folder choosers answer with the test's paths. */
    private static final class Choosers implements DialogService {
        final FxDialogService real;
        final Path exportTo;

        Choosers(FxDialogService real, Path exportTo) {
            this.real = real;
            this.exportTo = exportTo;
        }

        @Override public Unsaved askUnsaved(String documentName, String beforeWhat) { return real.askUnsaved(documentName, beforeWhat); }
        @Override public Optional<Path> chooseFileToOpen(Path initialDirectory) { return Optional.empty(); }
        @Override public Optional<Path> chooseFileToSave(Path suggestion, String description, String extension) { return Optional.empty(); }
        @Override public boolean confirm(String title, String message) { return real.confirm(title, message); }
        @Override public void showInputError(InputException e, String title, String unchanged) { real.showInputError(e, title, unchanged); }
        @Override public Optional<Path> chooseServiceTagsFile(Path initialDirectory) { return Optional.empty(); }
        @Override public void showShortcuts() { real.showShortcuts(); }
        @Override public void showRuleCatalog(String profile) { real.showRuleCatalog(profile); }
        @Override public void showAbout(String profile) { real.showAbout(profile); }
        @Override public void showError(String title, String message) { real.showError(title, message); }
        @Override public boolean reviewFixes(FixPlan plan) { return real.reviewFixes(plan); }
        Path importFile = TEMPLATE;

        // the template's parameters file names the instance, after which its NSG and route table are named: an
        // export writes no name that holds an unknown ({managedInstanceName})
        @Override public Optional<ImportRequest> chooseImport() {
            return Optional.of(new ImportRequest(List.of(importFile), importFile == TEMPLATE ? TEMPLATE_PARAMETERS : null));
        }
        @Override public Optional<Path> chooseFolder(String title) { return Optional.of(exportTo); }
        @Override public void copyToClipboard(String text) { real.copyToClipboard(text); }
    }

    @Start void start(Stage stage) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Path out = Files.createDirectories(tmp.resolve("export"));
        window = new MainWindow(stage, null, new DiskFileService(config), new FxBackgroundRunner(), new RecentFiles(config), Theme.LIGHT, null);
        choosers = new Choosers(new FxDialogService(() -> stage), out);
        feature = ValidationFeature.install(window, new EngineTracer(), choosers);
        boolean big = System.getProperty("minet.screenshots") != null;
        window.show(null, big ? 1560 : 1260, big ? 960 : 780); // inside Monocle's screen (default 1280×800)
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return c.call();
        });
    }

    private List<String> ruleIds() {
        return feature.validation().allFindings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::ruleId).toList();
    }

    @Test void openingADesignFileValidatesItAndFitsTheView(FxRobot robot) throws Exception {
        // Opening sets the shell's busy flag; with the import feature installed that once threw "bound value".
        Path broken = Path.of("sample-networks", "broken", "split-management-ports.minet.json").toAbsolutePath();
        // The window opens the sample after its first frame: wait for that, or it would replace the file opened here.
        waitUntil(() -> feature.validation().analysisProperty().get() != null
                && feature.validation().analysisProperty().get().design() == window.document().design());
        robot.interact(() -> window.shell().open(broken));
        waitUntil(() -> window.document().fileProperty().get() != null
                && feature.validation().analysisProperty().get() != null
                && feature.validation().analysisProperty().get().design() == window.document().design());
        WaitForAsyncUtils.waitForFxEvents(); // the run that published this analysis has filled the panel
        var a = feature.validation().analysisProperty().get();
        assertThat(ruleIds()).as("errors of %s under %s (the window's profile: %s; %d findings in the report)", window.document().fileProperty().get(),
                a.report().profile(), feature.validation().profileProperty().get(), a.report().findings().size()).contains("MI-NSG-IN-MANAGEMENT-SINGLE-RULE");
        assertThat(robot.lookup("#validation-summary").queryAs(Labeled.class).getText()).startsWith("1 error, ");
    }

    @Test void importFixAllExportAndReimport(FxRobot robot) throws Exception {
        // the reference network opens first and is clean
        waitUntil(() -> feature.validation().analysisProperty().get() != null
                && feature.validation().analysisProperty().get().design() == window.document().design());
        assertThat(feature.validation().errorsProperty().get()).isZero();
        // The quickstart's subnet is delegated: judged by the 04/2019 document's rules here (chosen by hand), it is broken.
        robot.interact(() -> feature.validation().profileProperty().set("azure-2019-04"));

        // File → Import…
        robot.clickOn("File");
        robot.clickOn("Import…");
        waitUntil(() -> !feature.importer().runningProperty().get() && feature.validation().errorsProperty().get() > 0);
        assertThat(ruleIds()).contains("MI-NSG-IN-MANAGEMENT", "MI-NSG-OUT-MANAGEMENT", "MI-NSG-IN-HEALTH-PROBE",
                "MI-UDR-MANAGEMENT", "MI-UDR-VNETLOCAL");
        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSameSizeAs(feature.validation().allFindings());
        String summary = robot.lookup("#validation-summary").queryAs(Labeled.class).getText();
        assertThat(summary).startsWith(feature.validation().errorsProperty().get() + " errors, ").contains(" · validated in ");
        // the canvas shows it too: the management flow is red, with the rule that blocks it
        FlowSkin mgmt = window.diagram().flows().values().stream()
                .filter(f -> f.flow().id().startsWith("management-inbound:")).findFirst().orElseThrow();
        assertThat(mgmt.state()).isEqualTo(FlowState.BLOCKED);

        int udr = feature.validation().visibleFindings().stream().map(Finding::ruleId).toList().indexOf("MI-UDR-MANAGEMENT");
        robot.interact(() -> table.scrollTo(udr));
        robot.clickOn("MI-UDR-MANAGEMENT");
        Finding chosen = feature.validation().selectedProperty().get();
        assertThat(chosen.ruleId()).isEqualTo("MI-UDR-MANAGEMENT");
        assertThat(window.selection().primary()).isEqualToIgnoringCase(chosen.elementId());
        assertThat(robot.lookup("#findingFacts").queryLabeled().getText()).contains("Required prefixes without their route: 13.64.0.0/11");
        screenshot(window.stage().getScene(), "screenshot-validation.png");

        // Fix all → review → Apply
        robot.clickOn("#fixAllButton");
        waitUntil(() -> robot.lookup("#fixChanges").tryQuery().isPresent());
        TableView<?> changes = robot.lookup("#fixChanges").queryAs(TableView.class);
        assertThat(changes.getItems()).isNotEmpty();
        assertThat(robot.lookup("#fixSemantic").queryListView().getItems()).isNotEmpty();
        screenshot(changes.getScene(), "screenshot-fix-review.png");
        robot.clickOn("#applyFixes");
        waitUntil(() -> feature.validation().errorsProperty().get() == 0
                && feature.validation().analysisProperty().get().design() == window.document().design());
        assertThat(window.document().undoLabelProperty().get()).isEqualTo("Fix all");
        assertThat(mgmtState()).isEqualTo(FlowState.ALLOWED);

        // one undo step brings every error back; redo fixes them again
        robot.interact(() -> window.document().undo());
        waitUntil(() -> feature.validation().errorsProperty().get() > 0);
        robot.interact(() -> window.document().redo());
        waitUntil(() -> feature.validation().errorsProperty().get() == 0);

        // Trace: management traffic from the Internet now reaches the MI subnet, and the path is highlighted
        robot.clickOn("#tab-trace");
        robot.interact(() -> {
            feature.trace().fromProperty().set("Internet");
            feature.trace().toProperty().set(window.document().design().miSubnets().get(0).name());
            feature.trace().portProperty().set("9000");
        });
        robot.clickOn("#traceButton");
        assertThat(robot.lookup("#traceVerdict").queryLabeled().getText()).startsWith("Allowed");
        assertThat(feature.trace().hops()).anySatisfy(h -> assertThat(h.detail()).contains("allow_management_inbound"));
        assertThat(window.selection().ids()).isNotEmpty();
        screenshot(window.stage().getScene(), "screenshot-trace.png");
        robot.clickOn("#tab-problems");

        // File → Export rule sets…: ARM, as is (the design is fixed now), saved to the folder
        Platform.runLater(() -> feature.openExport());
        waitUntil(() -> robot.lookup("#exportPreview").tryQuery().isPresent());
        robot.clickOn("#exportAsIs");
        screenshot(robot.lookup("#exportPreview").query().getScene(), "screenshot-export.png");
        robot.clickOn("#exportSave");
        Path arm = tmp.resolve("export").resolve("nsg-and-routes.json");
        waitUntil(() -> Files.exists(arm));
        robot.clickOn("Close");

        // the exported template re-imports with zero errors
        Report again = Validator.validate(Importer.load(arm));
        assertThat(again.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test void badInputOpensADialogNamingFileLineAndColumnAndKeepsTheDesign(FxRobot robot) throws Exception {
        waitUntil(() -> feature.validation().analysisProperty().get() != null);
        var before = window.document().design();
        Path bad = tmp.resolve("broken-vnet.json");
        Files.writeString(bad, "{\n  \"name\": \"v\",\n  \"subnets\": [ , ]\n}\n");
        choosers.importFile = bad;
        robot.clickOn("File");
        robot.clickOn("Import…");
        waitUntil(() -> robot.lookup("#inputErrorDialog").tryQuery().isPresent());
        String text = robot.lookup("#inputErrorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertThat(text).contains("broken-vnet.json").contains("line 3").contains("column ");
        robot.clickOn("OK");
        assertThat(window.document().design()).isSameAs(before);
    }

    private FlowState mgmtState() {
        return window.diagram().flows().values().stream().filter(f -> f.flow().id().startsWith("management-inbound:"))
                .findFirst().orElseThrow().state();
    }

    /** Saves a scene as PNG when asked to (the README's screenshots). */
    private static void screenshot(Scene scene, String name) throws Exception {
        String dir = System.getProperty("minet.screenshots");
        if (dir == null) return;
        Node root = scene.getRoot();
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get(30, TimeUnit.SECONDS);
        Path target = Path.of(dir).resolve(name);
        Files.createDirectories(target.getParent());
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
    }

}
