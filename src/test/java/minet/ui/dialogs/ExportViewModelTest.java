package minet.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import minet.edit.Document;
import minet.io.DesignFile;
import minet.io.export.ExportFormat;
import minet.model.Design;
import minet.model.SecurityGroup;
import minet.ui.document.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {
    @TempDir Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Design sample = read();
    private final DocumentContext context = new DocumentContext(new Document(sample, null));

    private static Design read() {
        try {
            return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Fix all" here adds an NSG named fixed-nsg, so the corrected export can be told apart. */
    private static final java.util.function.UnaryOperator<Design> ADD_NSG = x -> x.withSecurityGroups(
            java.util.stream.Stream.concat(x.securityGroups().stream(),
                    java.util.stream.Stream.of(new SecurityGroup("fixed-nsg", "fixed-nsg", null, List.of(), null))).toList());

    private ExportViewModel vm() {
        return new ExportViewModel(context, ADD_NSG, dialogs);
    }

    @Test void previewIsTheExporterOutputOfTheCorrectedDesignWithoutChangingTheOpenOne() {
        ExportViewModel vm = vm();
        assertThat(vm.previewProperty().get()).isEqualTo(ExportFormat.ARM.exporter().export(ADD_NSG.apply(sample)));
        assertThat(vm.previewProperty().get()).contains("fixed-nsg");
        assertThat(context.design()).isEqualTo(sample);
        vm.correctedProperty().set(false);
        assertThat(vm.previewProperty().get()).isEqualTo(ExportFormat.ARM.exporter().export(sample)).doesNotContain("fixed-nsg");
        vm.previewFormatProperty().set(ExportFormat.MARKDOWN);
        assertThat(vm.previewProperty().get()).isEqualTo(ExportFormat.MARKDOWN.exporter().export(sample));
    }

    @Test void savesEachPickedFormatToTheFolder() throws Exception {
        ExportViewModel vm = vm();
        vm.pickedProperty(ExportFormat.BICEP).set(true);
        vm.pickedProperty(ExportFormat.AZCLI).set(true);
        List<Path> written = vm.saveTo(dir);
        assertThat(written).containsExactly(dir.resolve("nsg-and-routes.json"), dir.resolve("nsg-and-routes.bicep"),
                dir.resolve("nsg-and-routes.sh"));
        assertThat(Files.readString(dir.resolve("nsg-and-routes.bicep"))).contains("fixed-nsg");
        assertThat(Files.isExecutable(dir.resolve("nsg-and-routes.sh"))).isTrue();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test void saveAsksForAFolderAndCopyUsesTheClipboard() {
        ExportViewModel vm = vm();
        dialogs.folderAnswer = Optional.of(dir);
        vm.save();
        assertThat(dir.resolve("nsg-and-routes.json")).exists();
        vm.copyPreview();
        assertThat(dialogs.clipboard).containsExactly(vm.previewProperty().get());
    }

    @Test void severalFormatsAreSavedAllOrNone() throws Exception {
        ExportViewModel vm = vm();
        vm.pickedProperty(ExportFormat.AZCLI).set(true);
        Files.writeString(dir.resolve("nsg-and-routes.json"), "old");
        Files.createDirectory(dir.resolve("nsg-and-routes.sh")); // in the way of the second file
        assertThat(vm.saveTo(dir)).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().contains("nsg-and-routes.sh").contains("is a directory");
        assertThat(Files.readString(dir.resolve("nsg-and-routes.json"))).isEqualTo("old");
        try (var left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("nsg-and-routes.json", "nsg-and-routes.sh");
        }
    }

    @Test void aFolderThatCannotBeWrittenIsReported() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        vm().saveTo(file);
        assertThat(dialogs.errors).singleElement().asString().startsWith("Export failed").contains("not-a-folder");
    }

    @Test void namesThatHoldAnUnknownAreListedFirstAndNothingIsSavedOrCopied() {
        // as imported from a template without its parameters: the NSG is named after the instance
        Design unknown = sample.withSecurityGroups(sample.securityGroups().stream()
                .map(g -> g.name().equals("nsg-mi") ? g.withName("nsg-{managedInstanceName}") : g).toList());
        ExportViewModel vm = new ExportViewModel(new DocumentContext(new Document(unknown, null)), ADD_NSG, dialogs);
        assertThat(vm.unresolved()).singleElement().asString()
                .startsWith("networkSecurityGroups/nsg-{managedInstanceName}, name 'nsg-{managedInstanceName}'")
                .contains("give parameter managedInstanceName");
        dialogs.folderAnswer = Optional.of(dir);
        vm.save();
        assertThat(vm.saveTo(dir)).isEmpty();
        vm.copyPreview();
        assertThat(dir.resolve("nsg-and-routes.json")).doesNotExist();
        assertThat(dialogs.clipboard).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Nothing written: 1 value is not known offline");
        // the reference design has none
        assertThat(vm().unresolved()).isEmpty();
    }
}
