package minet.cli;

import static minet.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import minet.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fix -o} and {@code export -o} never replace what is not a regular file, and write several files all or none. */
class WritingFilesCliTest {
    static final String REFERENCE = "sample-networks/reference.minet.json";

    @TempDir Path tmp;

    @Test
    void fixWritesThroughASymbolicLink() throws Exception {
        Path real = Files.writeString(tmp.resolve("real.minet.json"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.minet.json"), real.getFileName());
        Run r = run("fix", REFERENCE, "-o", link.toString());
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("{").contains("\"schemaVersion\"");
    }

    @Test
    void fixStreamsIntoAPipeInsteadOfReplacingIt() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Run r = run("fix", REFERENCE, "-o", fifo.toString());
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(read.get(10, TimeUnit.SECONDS)).contains("\"schemaVersion\"");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void fixRefusesASocketAndLeavesIt() throws Exception {
        Path socket = tmp.resolve("s.sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
            Run r = run("fix", REFERENCE, "-o", socket.toString());
            assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
            assertThat(r.err().strip()).isEqualTo("minet fix: cannot write " + socket + ": is a socket; only a file, a character device or a pipe is written to");
            assertThat(Files.isRegularFile(socket)).isFalse();
        }
    }

    @Test
    void aFailedMultiFormatExportLeavesEveryOldFileAndNoTempFile() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("nsg-and-routes.json"), "old arm");
        Files.writeString(out.resolve("nsg-and-routes.csv"), "old csv");
        Files.createDirectory(out.resolve("nsg-and-routes.sh")); // in the way of the third
        Run r = run("export", REFERENCE, "--to", "arm,csv,azcli", "-o", out.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().strip()).isEqualTo("minet export: cannot write " + out.resolve("nsg-and-routes.sh") + ": is a directory");
        assertThat(Files.readString(out.resolve("nsg-and-routes.json"))).isEqualTo("old arm");
        assertThat(Files.readString(out.resolve("nsg-and-routes.csv"))).isEqualTo("old csv");
        try (var files = Files.list(out)) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
        Files.delete(out.resolve("nsg-and-routes.sh"));
        assertThat(run("export", REFERENCE, "--to", "arm,csv,azcli", "-o", out.toString()).code()).isEqualTo(Cli.OK);
        assertThat(Files.readString(out.resolve("nsg-and-routes.json"))).isNotEqualTo("old arm");
        assertThat(Files.isExecutable(out.resolve("nsg-and-routes.sh"))).isTrue();
    }
}
