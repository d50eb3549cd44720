package minet.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a whole file or nothing: a temp file beside the target, then a move over it.
 * <ul>
 * <li>A symbolic link is written through: its target is replaced, the link stays.</li>
 * <li>A character device or a pipe ({@code /dev/null}, {@code /dev/stdout}) is written to as a stream, never
 *     replaced; anything else that is not a regular file (a directory, a block device, a socket) is refused.</li>
 * <li>A new file gets the mode the umask gives; an existing file keeps its mode.</li>
 * <li>Temp files of ours that a killed run left beside the target are removed.</li>
 * </ul>
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** One file to write; {@code executable}: may also be run by whoever may read it (a script). */
    public record Output(Path target, byte[] bytes, boolean executable) {
        public Output(Path target, String text, boolean executable) {
            this(target, text.getBytes(StandardCharsets.UTF_8), executable);
        }
    }

    /** ".name.PID.RANDOM.tmp" (earlier versions: ".name.RANDOM.tmp"). */
    private static final Pattern TEMP = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    /** No write of ours takes this long: a temp file this old is left over whoever made it. */
    private static final Duration STALE = Duration.ofHours(1);
    private static final int MAX_LINKS = 40;

    public static void write(Path target, byte[] bytes) throws IOException {
        writeAll(List.of(new Output(target, bytes, false)));
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes all of {@code outputs} or none: each is written in full to a temp file beside its target first, then
     * all are moved over their targets. A failure or a kill while staging leaves every target as it was; only a
     * kill between the moves (microseconds) can leave some new and some old.
     */
    public static void writeAll(List<Output> outputs) throws IOException {
        List<Staged> staged = new ArrayList<>();
        boolean done = false;
        try {
            for (Output o : outputs) staged.add(stage(o));
            for (Staged s : staged) s.commit();
            done = true;
        } finally {
            if (!done) for (Staged s : staged) s.discard();
        }
    }

    /** A file ready to take its target's place, or a device or pipe to stream to. */
    private interface Staged {
        void commit() throws IOException;
        void discard();
    }

    private static Staged stage(Output o) throws IOException {
        Path abs = o.target().toAbsolutePath();
        FileKind kind;
        try {
            kind = FileKind.of(abs); // follows links as the system does, /proc/self/fd/1 → a pipe included
        } catch (NoSuchFileException e) {
            kind = null;
        } catch (FileSystemException e) {
            if (FileKind.isLoop(e)) throw new FileSystemException(abs.toString(), null, "is a loop of symbolic links");
            kind = null; // a file where a directory should be, a directory we may not search: the steps below name it
        }
        if (kind == FileKind.CHARACTER_DEVICE || kind == FileKind.PIPE) return streamed(abs, o.bytes());
        if (kind == FileKind.DIRECTORY) throw new FileSystemException(abs.toString(), null, "is a directory");
        if (kind != null && kind != FileKind.REGULAR) {
            throw new FileSystemException(abs.toString(), null, "is " + kind.words + "; only a file, a character device or a pipe is written to");
        }
        Path target = throughLinks(abs);
        Path dir = target.getParent();
        if (dir != null && target.equals(abs)) {
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                throw new FileSystemException(e.getFile(), null, "is a file, not a directory");
            }
        }
        removeStale(dir, target.getFileName().toString());
        Set<PosixFilePermission> mode = kind == FileKind.REGULAR ? permissions(target) : null;
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        FileChannel ch;
        try {
            // no permissions given: the system applies the umask to 0666, as for any file a program creates
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(String.valueOf(dir)); // the directory refused, not our temp file's name
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(String.valueOf(dir)); // a link to a folder that does not exist
        }
        boolean ok = false;
        try (ch) {
            if (mode == null) mode = permissions(tmp);
            if (mode != null) {
                if (o.executable()) mode = executable(mode);
                Files.setPosixFilePermissions(tmp, mode); // before the content, so a private file is never readable
            }
            ByteBuffer buf = ByteBuffer.wrap(o.bytes());
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true); // on disk before the move: a crash then leaves the old file or the new one, never an empty one
            ok = true;
        } finally {
            if (!ok) Files.deleteIfExists(tmp);
        }
        if (mode == null && o.executable()) tmp.toFile().setExecutable(true); // not a POSIX file system (Windows)
        return new Staged() {
            @Override public void commit() throws IOException {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }

            @Override public void discard() {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the next write beside it removes it
                }
            }
        };
    }

    private static Staged streamed(Path device, byte[] bytes) {
        return new Staged() {
            @Override public void commit() throws IOException {
                try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE)) {
                    out.write(bytes);
                }
            }

            @Override public void discard() {}
        };
    }

    /** Where a chain of symbolic links ends (it may not exist yet: then the file is made there). */
    private static Path throughLinks(Path p) throws IOException {
        Path at = p;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(at); i++) {
            at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
        }
        if (Files.isSymbolicLink(at)) throw new FileSystemException(p.toString(), null, "is a loop of symbolic links");
        return at;
    }

    /** The file's permissions, or null where the file system has none (Windows). */
    private static Set<PosixFilePermission> permissions(Path p) throws IOException {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** Execute permission for each of owner, group and others that may read. */
    private static Set<PosixFilePermission> executable(Set<PosixFilePermission> mode) {
        Set<PosixFilePermission> out = mode.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(mode);
        if (mode.contains(PosixFilePermission.OWNER_READ)) out.add(PosixFilePermission.OWNER_EXECUTE);
        if (mode.contains(PosixFilePermission.GROUP_READ)) out.add(PosixFilePermission.GROUP_EXECUTE);
        if (mode.contains(PosixFilePermission.OTHERS_READ)) out.add(PosixFilePermission.OTHERS_EXECUTE);
        return out;
    }

    /**
     * Removes our temp files for {@code name} that no write is using any more: their process has ended, or they are
     * older than any write takes. Best effort: what cannot be listed or removed is left.
     */
    private static void removeStale(Path dir, String name) {
        String prefix = "." + name + ".";
        Instant old = Instant.now().minus(STALE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String f = p.getFileName().toString();
                if (!f.startsWith(prefix) || !f.endsWith(".tmp") || f.length() <= prefix.length() + 4) continue;
                Matcher m = TEMP.matcher(f.substring(prefix.length(), f.length() - 4));
                if (!m.matches()) continue;
                boolean ended = m.group(2) != null && !running(m.group(1));
                if (ended || Files.getLastModifiedTime(p).compareTo(FileTime.from(old)) < 0) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // a stale temp file costs disk space, never a write
        }
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
