package minet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link AtomicFiles} does with whatever is already at the target, and with what killed runs left. */
class AtomicFilesTest {
    @TempDir Path dir;

    static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicFiles.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        // a link to a file that does not exist yet makes that file
        Path later = Files.createSymbolicLink(dir.resolve("later.json"), Path.of("made.json"));
        AtomicFiles.write(later, "made");
        assertThat(Files.isSymbolicLink(later)).isTrue();
        assertThat(Files.readString(dir.resolve("made.json"))).isEqualTo("made");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aLoopOfLinksIsRefused() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        assertThatThrownBy(() -> AtomicFiles.write(a, "x")).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a loop of symbolic links");
        assertThat(Files.isSymbolicLink(a)).isTrue();
    }

    @Test
    void aPipeIsStreamedToAndStaysAPipe() throws Exception {
        assumeTrue(posix());
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicFiles.write(fifo, "through the pipe");
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCharacterDeviceIsStreamedToNotReplaced() throws Exception {
        // A node of our own with /dev/null's numbers (root may make one): a regression must not take the machine's.
        Path dev = dir.resolve("null");
        assumeTrue(posix() && new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").start().waitFor() == 0, "mknod needs root");
        AtomicFiles.write(dev, "nothing");
        assertThat(Files.isRegularFile(dev)).isFalse();
        assertThat((Integer) Files.getAttribute(dev, "unix:mode") & 0170000).isEqualTo(0020000);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anythingElseThatIsNoRegularFileIsRefusedAndLeftAlone() throws Exception {
        assumeTrue(posix());
        Path socket = dir.resolve("s.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> AtomicFiles.write(socket, "x")).isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("is a socket; only a file, a character device or a pipe is written to");
            assertThat(Files.isRegularFile(socket)).isFalse();
            assertThat(Files.exists(socket)).isTrue();
        }
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFiles.write(sub, "x")).hasMessageContaining("is a directory");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aNewFileGetsTheUmasksModeAndAnExistingFileKeepsItsOwn() throws Exception {
        assumeTrue(posix());
        Path plain = Files.writeString(dir.resolve("plain.txt"), "as any program makes a file"); // 0666 less the umask
        Path made = dir.resolve("made.json");
        AtomicFiles.write(made, "x");
        assertThat(Files.getPosixFilePermissions(made)).isEqualTo(Files.getPosixFilePermissions(plain));

        Path kept = Files.writeString(dir.resolve("kept.json"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(kept, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(kept, "private");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        // a script may be run by whoever may read it
        Path script = dir.resolve("run.sh");
        AtomicFiles.writeAll(List.of(new AtomicFiles.Output(script, "#!/bin/sh\n", true)));
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(script));
        String readable = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
        for (int i = 0; i < 9; i += 3) {
            assertThat(mode.charAt(i + 2)).as(mode).isEqualTo(readable.charAt(i) == 'r' ? 'x' : '-');
        }
    }

    @Test
    void severalFilesAreWrittenAllOrNone() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "old a");
        Path b = Files.createDirectory(dir.resolve("b.json")); // in the way
        Path c = dir.resolve("c.json");
        assertThatThrownBy(() -> AtomicFiles.writeAll(List.of(new AtomicFiles.Output(a, "new a", false),
                new AtomicFiles.Output(c, "new c", false), new AtomicFiles.Output(b, "new b", false))))
                .hasMessageContaining("is a directory");
        assertThat(Files.readString(a)).isEqualTo("old a");
        assertThat(c).doesNotExist();
        assertThat(leftovers()).isEmpty();

        AtomicFiles.writeAll(List.of(new AtomicFiles.Output(a, "new a", false), new AtomicFiles.Output(c, "new c", false)));
        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(c)).isEqualTo("new c");
    }

    @Test
    void tempFilesThatKilledRunsLeftAreRemovedOnesInUseAreNot() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        long ended = p.pid();
        long running = ProcessHandle.current().pid();
        Path deadRun = Files.writeString(dir.resolve(".out.json." + ended + ".42.tmp"), "half");
        Path liveRun = Files.writeString(dir.resolve(".out.json." + running + ".43.tmp"), "being written");
        Path oldStyle = Files.writeString(dir.resolve(".out.json.8147.tmp"), "from an earlier version");
        Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recentOldStyle = Files.writeString(dir.resolve(".out.json.8148.tmp"), "maybe being written");
        Path someoneElses = Files.writeString(dir.resolve(".other.json.1.2.tmp"), "not ours to judge");

        AtomicFiles.write(dir.resolve("out.json"), "done");
        assertThat(deadRun).doesNotExist();
        assertThat(oldStyle).doesNotExist();
        assertThat(liveRun).exists();
        assertThat(recentOldStyle).exists();
        assertThat(someoneElses).exists();
        assertThat(Files.readString(dir.resolve("out.json"))).isEqualTo("done");
    }

    private List<Path> leftovers() throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
