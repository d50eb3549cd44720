package minet.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path is, symbolic links followed, in the words messages use ("is a pipe"). */
enum FileKind {
    REGULAR("a file"), DIRECTORY("a directory"), CHARACTER_DEVICE("a device"), BLOCK_DEVICE("a block device"),
    PIPE("a pipe"), SOCKET("a socket"), OTHER("not a regular file");

    final String words;

    FileKind(String words) { this.words = words; }

    /** @throws IOException as {@link Files#readAttributes}: NoSuchFileException when nothing is there */
    static FileKind of(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) return REGULAR;
        if (a.isDirectory()) return DIRECTORY;
        try {
            // st_mode's file type; Java's basic attributes only say "other"
            int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
            switch (type) {
                case 0010000: return PIPE;
                case 0020000: return CHARACTER_DEVICE;
                case 0060000: return BLOCK_DEVICE;
                case 0140000: return SOCKET;
                default: return OTHER;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return OTHER; // no unix attributes (Windows): a device or a pipe there is rare and not told apart
        }
    }

    /** Too many levels of symbolic links (ELOOP): Java reports it as a FileSystemException with the OS's words. */
    static boolean isLoop(IOException e) {
        String m = e.getMessage();
        return m != null && m.contains("Too many levels of symbolic links");
    }

    /** How big a file is, for a message: "80 MiB", "64.1 MiB" (rounded up, so never equal to a limit it exceeds). */
    static String size(long bytes) {
        long mib = 1L << 20;
        if (bytes % mib == 0) return (bytes / mib) + " MiB";
        if (bytes < mib) return bytes + " bytes";
        return String.format(java.util.Locale.ROOT, "%.1f MiB", Math.ceil(bytes * 10.0 / mib) / 10);
    }
}
