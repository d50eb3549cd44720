package minet.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import minet.io.InputException;
import minet.model.Design;

/** Files the shell reads and writes; the app uses {@link DiskFileService}, tests a temp directory or a fake. */
public interface FileService {
    /** A design file or anything the importer reads (ARM, az CLI, Terraform). */
    Design read(Path file) throws InputException;

    /** Atomic: a crash mid-save leaves the old file. */
    void write(Path file, Design design) throws IOException;

    void writeBytes(Path file, byte[] bytes) throws IOException;

    /** The reference network: from {@code sample-networks/} beside the app, or the copy inside the jar. */
    Design sample() throws InputException;

    /** The recovery store: where autosave writes, what the next start offers back. */
    void writeRecovery(Design design, Path originalFile) throws IOException;

    Optional<Recovery> readRecovery();

    void clearRecovery();

    record Recovery(Design design, Path originalFile) {}
}
