package minet.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import minet.io.AtomicFiles;
import minet.io.DesignFile;
import minet.io.Importer;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;
import minet.ui.app.App;

/** Files on disk; the recovery store and recent files live in the user's config directory. */
public final class DiskFileService implements FileService {
    /** The sample network, opened at start without a file: beside the app when run from the repository. */
    public static final Path SAMPLE = Path.of("sample-networks", "reference.minet.json");
    /** The copy of {@link #SAMPLE} inside the jar, for when the app starts elsewhere. */
    public static final String SAMPLE_RESOURCE = "/minet/ui/reference.minet.json";

    private final Path configDir;

    public DiskFileService(Path configDir) { this.configDir = configDir; }

    /** $XDG_CONFIG_HOME/minet, ~/.config/minet, or %APPDATA%\minet on Windows. */
    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "minet");
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank()) return Path.of(appData, "minet");
        return Path.of(System.getProperty("user.home"), ".config", "minet");
    }

    public Path configDir() { return configDir; }
    private Path recoveryDesign() { return configDir.resolve("recovery" + DesignFile.EXTENSION); }
    private Path recoveryOrigin() { return configDir.resolve("recovery.origin"); }

    @Override public Design read(Path file) throws InputException { return Importer.load(file); }

    @Override public void write(Path file, Design design) throws IOException { DesignFile.write(file, design); }

    @Override public void writeBytes(Path file, byte[] bytes) throws IOException { AtomicFiles.write(file, bytes); }

    @Override public Design sample() throws InputException {
        if (Files.isRegularFile(SAMPLE)) return Importer.load(SAMPLE);
        try (InputStream in = DiskFileService.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) throw new InputException(SAMPLE_RESOURCE, "the sample network is missing from the build");
            return DesignFile.fromSource(JsonSource.parse(SAMPLE_RESOURCE, in.readAllBytes()));
        } catch (IOException e) {
            throw new InputException(SAMPLE_RESOURCE, "cannot read the sample network: " + e.getMessage());
        }
    }

    @Override public void writeRecovery(Design design, Path originalFile) throws IOException {
        // The origin first: a design without its origin is still recovered (as untitled), never the reverse.
        AtomicFiles.write(recoveryOrigin(), originalFile == null ? "" : originalFile.toAbsolutePath().toString());
        DesignFile.write(recoveryDesign(), design);
    }

    @Override public Optional<Recovery> readRecovery() {
        if (!Files.isRegularFile(recoveryDesign())) return Optional.empty();
        try {
            Design d = DesignFile.read(recoveryDesign());
            String origin = Files.isRegularFile(recoveryOrigin()) ? Files.readString(recoveryOrigin()).trim() : "";
            return Optional.of(new Recovery(d, origin.isEmpty() ? null : Path.of(origin)));
        } catch (InputException | IOException e) {
            return Optional.empty();
        }
    }

    @Override public void clearRecovery() {
        try {
            Files.deleteIfExists(recoveryDesign());
            Files.deleteIfExists(recoveryOrigin());
        } catch (IOException ignored) {
            // A stale recovery file is offered once more at the next start; nothing is lost.
        }
    }
}
