package minet.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import minet.io.InputException;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.ui.shell.FileService;

/**
 * The design the window opens first, read while JavaFX starts, on a thread of its own: the file given on the command
 * line or the sample network, and its picture arranged once, which loads the layout engine (ELK). The packaged app
 * asks for it ({@code -Dminet.preload=true}, packaging/build.sh): there class-data sharing makes class loading cheap,
 * and the design was drawn 0.3-0.7 s sooner (2 vCPUs under load, alternating runs: 1.64x the minimal window's first
 * frame instead of 1.94x, its own first frame unchanged). From the jar, without the archive, the same class loading
 * beside the toolkit's made the first frame about 2 s later, so the jar does not preload.
 *
 * <p>A {@link FileService} over another: the first {@code sample()} or {@code read(file)} of that very file is the
 * preloaded result (with its error, if reading failed); everything else goes to the other service.
 */
final class Preload implements FileService {
    private final FileService files;
    private final Path file;
    private final CompletableFuture<Design> design = new CompletableFuture<>();
    private volatile boolean taken;

    /** Whether this run preloads: the packaged app's launcher sets {@code minet.preload}. */
    static boolean wanted() {
        return Boolean.getBoolean("minet.preload");
    }

    /** Starts reading {@code file} (null: the sample network) through {@code files}. */
    Preload(FileService files, Path file) {
        this.files = files;
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        Thread t = new Thread(this::run, "minet-preload");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        Design d;
        try {
            d = file == null ? files.sample() : files.read(file);
        } catch (InputException | RuntimeException e) {
            design.completeExceptionally(e);
            return;
        }
        design.complete(d);
        try {
            DiagramLayout.arrange(DiagramLayout.quick(d), d.layout());
        } catch (RuntimeException | LinkageError e) {
            // Only a warm-up: the canvas arranges the design again and says what went wrong.
        }
    }

    /** The preloaded design if {@code path} is the preloaded file (null: the sample) and it was not taken yet. */
    private Optional<Design> take(Path path) throws InputException {
        if (taken) return Optional.empty();
        boolean same;
        try {
            same = path == null ? file == null : file != null && (path.toAbsolutePath().normalize().equals(file)
                    || Files.exists(path) && Files.isSameFile(path, file));
        } catch (IOException e) {
            same = false;
        }
        if (!same) return Optional.empty();
        taken = true;
        try {
            return Optional.of(design.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InputException ie) throw ie;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override public Design read(Path path) throws InputException {
        Optional<Design> d = take(path);
        return d.isPresent() ? d.get() : files.read(path);
    }

    @Override public Design sample() throws InputException {
        Optional<Design> d = take(null);
        return d.isPresent() ? d.get() : files.sample();
    }

    @Override public void write(Path path, Design d) throws IOException { files.write(path, d); }
    @Override public void writeBytes(Path path, byte[] bytes) throws IOException { files.writeBytes(path, bytes); }
    @Override public void writeRecovery(Design d, Path originalFile) throws IOException { files.writeRecovery(d, originalFile); }
    @Override public Optional<Recovery> readRecovery() { return files.readRecovery(); }
    @Override public void clearRecovery() { files.clearRecovery(); }
}
