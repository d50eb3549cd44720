package minet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import minet.edit.Command;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.FakeDialogs;
import minet.ui.document.DocumentModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's file handling, without a toolkit: JavaFX properties work on a plain thread. */
class ShellViewModelTest {
    @TempDir Path dir;
    Path config;
    FakeDialogs dialogs;
    DiskFileService files;
    DocumentModel doc;
    ShellViewModel vm;

    @BeforeEach void setUp() {
        config = dir.resolve("config");
        dialogs = new FakeDialogs();
        files = new DiskFileService(config);
        doc = new DocumentModel(Design.empty("Untitled"), null);
        vm = new ShellViewModel(doc, dialogs, files, BackgroundRunner.IN_PLACE, new RecentFiles(config));
    }

    static Command addClient(String id) {
        return Command.of("Add " + id, d -> d.withExternalNetworks(Lists.plus(d.externalNetworks(),
                new ExternalNetwork(id, id, ExternalNetwork.Kind.CLIENT, List.of(), null, null, null, null, List.of(), null))));
    }

    @Test void startsOnTheReferenceNetwork() {
        vm.start(null);
        assertThat(doc.design().name()).isEqualTo("Reference network (MI connectivity architecture, 04/2019)");
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("Reference network (MI connectivity architecture, 04/2019) — MI Network Designer");
    }

    @Test void theJarCarriesTheSameSampleAsTheFolder() throws Exception {
        try (var in = DiskFileService.class.getResourceAsStream(DiskFileService.SAMPLE_RESOURCE)) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(minet.ui.shell.DiskFileService.SAMPLE));
        }
    }

    @Test void titleMarksUnsavedWork() {
        vm.start(null);
        doc.execute(addClient("c1"));
        assertThat(vm.titleProperty().get()).startsWith("*Reference network");
        doc.undo();
        assertThat(vm.titleProperty().get()).doesNotStartWith("*");
    }

    @Test void theStatusBarTellsTheLastActionIncludingUndoAndRedo() {
        vm.start(null);
        assertThat(vm.statusProperty().get()).isEqualTo("Opened the sample network: Reference network (MI connectivity architecture, 04/2019)");
        doc.execute(addClient("c1"));
        String label = doc.undoLabelProperty().get();
        assertThat(vm.statusProperty().get()).isEqualTo(label);
        doc.undo();
        assertThat(vm.statusProperty().get()).isEqualTo("Undone: " + label);
        doc.redo();
        assertThat(vm.statusProperty().get()).isEqualTo("Redone: " + label);
        doc.undo();
        doc.undo(); // nothing left to undo: the status stays
        assertThat(vm.statusProperty().get()).isEqualTo("Undone: " + label);
    }

    @Test void newAsksBeforeLosingWorkAndCancelKeepsIt() {
        vm.start(null);
        doc.execute(addClient("c1"));
        Design edited = doc.design();
        dialogs.unsavedAnswers.push(DialogService.Unsaved.CANCEL);
        vm.newDesign();
        assertThat(dialogs.asked).containsExactly("unsaved Untitled before creating a new design");
        assertThat(doc.design()).isEqualTo(edited);
        dialogs.unsavedAnswers.push(DialogService.Unsaved.DISCARD);
        vm.newDesign();
        assertThat(doc.design().virtualNetworks()).isEmpty();
        assertThat(doc.dirtyProperty().get()).isFalse();
    }

    @Test void saveAsWritesTheFileAndReopensTheSameDesign() throws Exception {
        vm.start(null);
        doc.execute(addClient("c1"));
        Path target = dir.resolve("mine");
        dialogs.fileAnswers.push(Optional.of(target));
        vm.save();
        Path written = dir.resolve("mine" + DesignFile.EXTENSION);
        assertThat(written).exists();
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(doc.fileProperty().get()).isEqualTo(written);
        assertThat(vm.recentFiles()).containsExactly(written.toAbsolutePath().normalize());
        Design saved = doc.design();

        dialogs.unsavedAnswers.clear();
        vm.newDesign();
        vm.open(written);
        assertThat(doc.design()).isEqualTo(saved);
        assertThat(new RecentFiles(config).load()).containsExactly(written.toAbsolutePath().normalize());
    }

    @Test void saveChosenAtTheGuardSavesThenProceeds() throws Exception {
        Path f = dir.resolve("a" + DesignFile.EXTENSION);
        DesignFile.write(f, Design.empty("a"));
        vm.open(f);
        doc.execute(addClient("c1"));
        dialogs.unsavedAnswers.push(DialogService.Unsaved.SAVE);
        vm.newDesign();
        assertThat(DesignFile.read(f).externalNetworks()).extracting(ExternalNetwork::id).containsExactly("c1");
        assertThat(doc.design().externalNetworks()).isEmpty();
    }

    @Test void aBrokenFileIsReportedWithItsPositionAndTheDesignStays() throws Exception {
        vm.start(null);
        Design before = doc.design();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"virtualNetworks\": [ oops ]\n}\n");
        vm.open(bad);
        assertThat(dialogs.errors).singleElement().asString().contains("bad.json").containsPattern(":3:");
        assertThat(doc.design()).isEqualTo(before);
    }

    @Test void autosaveKeepsUnsavedWorkAndTheNextStartOffersIt() throws Exception {
        vm.start(null);
        vm.autosave();
        assertThat(files.readRecovery()).as("nothing to recover while clean").isEmpty();
        doc.execute(addClient("c1"));
        vm.autosave();
        Design edited = doc.design();
        // The process dies here. Next start:
        DocumentModel doc2 = new DocumentModel(Design.empty("Untitled"), null);
        ShellViewModel vm2 = new ShellViewModel(doc2, dialogs, files, BackgroundRunner.IN_PLACE, new RecentFiles(config));
        dialogs.confirmAnswers.push(true);
        vm2.start(null);
        assertThat(dialogs.asked).contains("confirm Recover unsaved work");
        assertThat(doc2.design()).isEqualTo(edited);
        assertThat(doc2.dirtyProperty().get()).as("recovered work is unsaved work").isTrue();
    }

    @Test void declinedRecoveryIsDroppedAndNotOfferedAgain() throws Exception {
        files.writeRecovery(Design.empty("lost"), null);
        dialogs.confirmAnswers.push(false);
        vm.start(null);
        assertThat(doc.design().name()).startsWith("Reference network");
        assertThat(files.readRecovery()).isEmpty();
    }

    @Test void recoveryOfASavedFileKeepsItsPath() throws Exception {
        Path f = dir.resolve("x" + DesignFile.EXTENSION);
        DesignFile.write(f, Design.empty("x"));
        vm.open(f);
        doc.execute(addClient("c9"));
        vm.autosave();
        DocumentModel doc2 = new DocumentModel(Design.empty("Untitled"), null);
        ShellViewModel vm2 = new ShellViewModel(doc2, dialogs, files, BackgroundRunner.IN_PLACE, new RecentFiles(config));
        dialogs.confirmAnswers.push(true);
        vm2.start(null);
        assertThat(doc2.fileProperty().get()).isEqualTo(f.toAbsolutePath());
        assertThat(vm2.titleProperty().get()).isEqualTo("*x.minet.json — MI Network Designer");
    }

    @Test void closingCleanlyDropsTheRecoveryFile() throws Exception {
        vm.start(null);
        doc.execute(addClient("c1"));
        vm.autosave();
        dialogs.unsavedAnswers.push(DialogService.Unsaved.DISCARD);
        boolean[] closed = {false};
        vm.requestClose(() -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(files.readRecovery()).isEmpty();
    }

    @Test void aSaveThatFailsKeepsTheWorkDirty() {
        vm.start(null);
        doc.execute(addClient("c1"));
        Path blocked = dir.resolve("file-not-dir");
        try {
            Files.writeString(blocked, "x");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        dialogs.fileAnswers.push(Optional.of(blocked.resolve("sub" + DesignFile.EXTENSION)));
        vm.saveAs();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(doc.dirtyProperty().get()).isTrue();
    }
}
