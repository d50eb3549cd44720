package minet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import minet.model.Design;
import minet.model.ManagedInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person is told about input that cannot be read: where, and what is really wrong, in our words, on one line. */
class ReadingInputTest {
    static final Path REFERENCE = Path.of("sample-networks/reference.minet.json");

    @TempDir Path dir;

    static String error(Path p) {
        try {
            Importer.load(p);
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContainPattern("minet\\.[a-z]+\\.[A-Z]")
                    .doesNotContain("java.").doesNotContain("`");
            return e.getMessage();
        }
        throw new AssertionError(p + " was read");
    }

    // ---- what the path is ----

    @Test
    void aDeviceIsCalledADevice() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertThat(error(zero)).isEqualTo("/dev/zero: is a device, not a file");
    }

    @Test
    void aLoopOfLinksAndALinkToNothingSaySo() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        assertThat(error(a)).isEqualTo(a + ": is a loop of symbolic links");
        Path dangling = Files.createSymbolicLink(dir.resolve("d.json"), Path.of("gone.json"));
        assertThat(error(dangling)).isEqualTo(dangling + ": is a symbolic link to gone.json, which does not exist");
        assertThat(error(dir.resolve("none.json"))).isEqualTo(dir.resolve("none.json") + ": no such file");
    }

    @Test
    void aPipeIsRead() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        byte[] design = Files.readAllBytes(REFERENCE);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Files.write(fifo, design);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Design d = Importer.load(fifo);
        writer.get();
        assertThat(d).isEqualTo(Importer.load(REFERENCE).withLayout(d.layout()));
    }

    @Test
    void theSizeLimitSaysHowBigTheFileIs() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(80L << 20); // sparse: nothing is written
        }
        assertThat(error(big)).isEqualTo(big + ": is 80 MiB; the limit is 64 MiB");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((64L << 20) + 1);
        }
        assertThat(error(big)).isEqualTo(big + ": is 64.1 MiB; the limit is 64 MiB");
    }

    // ---- where in the file ----

    @Test
    void nestingDeeperThanTheLimitNamesWhereItIs() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\"a\":\n  " + "[".repeat(600) + "]".repeat(600) + "}");
        assertThat(error(deep)).isEqualTo(deep + ":2:502: the JSON nests deeper than 500 levels, more than any design or template needs");
    }

    @Test
    void anOverLongNumberNamesTheValuesPosition() throws Exception {
        Path num = Files.writeString(dir.resolve("n.json"), "{\n  \"vCores\": " + "9".repeat(1200) + "\n}");
        assertThat(error(num)).isEqualTo(num + ":2:13: a number of 1200 digits; numbers of more than 1000 digits are not read");
    }

    @Test
    void aValueOfTheWrongKindInADesignNamesItsLineAndColumnInOurWords() throws Exception {
        String ref = Files.readString(REFERENCE);
        record Case(String from, String to, String says) {}
        Case[] cases = {
                new Case("\"access\": \"Allow\"", "\"access\": \"Maybe\"", "access must be Allow or Deny, not 'Maybe'"),
                new Case("\"direction\": \"Inbound\"", "\"direction\": \"Sideways\"", "direction must be Inbound or Outbound, not 'Sideways'"),
                new Case("\"tier\": \"GeneralPurpose\"", "\"tier\": \"Platinum\"",
                        "'tier': 'Platinum' is not a service tier: use GeneralPurpose or BusinessCritical (or a SKU name such as GP_Gen5 or BC_Gen5)"),
                new Case("\"tier\": \"GeneralPurpose\"", "\"tier\": {}", "'tier' must be one of GeneralPurpose, BusinessCritical, not an object"),
                new Case("\"connectionType\": \"Default\"", "\"connectionType\": \"Fast\"",
                        "'connectionType': 'Fast' is not a connection type: use Default, Proxy or Redirect"),
                new Case("\"replicationRole\": \"None\"", "\"replicationRole\": \"Publsher\"",
                        "'replicationRole': 'Publsher' is not a replication role: use None, Publisher, Distributor or Subscriber"),
                new Case("\"vCores\": 8", "\"vCores\": 99999999999", "'vCores' must be a whole number from -2147483648 to 2147483647, not 99999999999"),
                new Case("\"priority\": 100", "\"priority\": 100.5", "'priority' must be a whole number, not 100.5"),
                new Case("\"kind\": \"CLIENT\"", "\"kind\": \"MARS\"", "'kind' must be one of ON_PREMISES, PEERED_VNET, AZURE_SERVICE, MANAGEMENT, CLIENT, not 'MARS'"),
        };
        for (Case c : cases) {
            assertThat(ref).as(c.from()).contains(c.from());
            int at = ref.indexOf(c.from());
            int line = (int) ref.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
            int column = at - ref.lastIndexOf('\n', at - 1) + c.from().indexOf(':') + 2; // the value's first character
            Path f = Files.writeString(dir.resolve("case.minet.json"), ref.replaceFirst(java.util.regex.Pattern.quote(c.from()), c.to()));
            assertThat(error(f)).isEqualTo(f + ":" + line + ":" + column + ": " + c.says());
        }
    }

    @Test
    void aTierIsARealTierOrAnError() {
        assertThat(ManagedInstance.Tier.parse("BC_Gen5")).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(ManagedInstance.Tier.parse("gp_g8im")).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE);
        assertThat(ManagedInstance.Tier.parse("BusinessCritical")).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(ManagedInstance.Tier.parse(null)).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE); // Azure's default
        assertThat(ManagedInstance.Tier.parse("{skuName}")).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE); // not known offline
        assertThatThrownBy(() -> ManagedInstance.Tier.parse("Business")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManagedInstance.Tier.parse("Platinum")).hasMessageStartingWith("'Platinum' is not a service tier");
    }

    @Test
    void anImportedInstanceWithAnUnknownSkuIsALocatedError() throws Exception {
        String mi = Files.readString(Path.of("src/test/resources/azcli/mi-show.json"));
        assertThat(mi).contains("\"tier\": \"GeneralPurpose\"");
        Path f = Files.writeString(dir.resolve("mi.json"), mi.replace("\"tier\": \"GeneralPurpose\"", "\"tier\": \"Premium\""));
        assertThat(error(f)).matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: sku: 'Premium' is not a service tier: .*");
    }

    @Test
    void aHugeValueInAnErrorIsShortened() throws Exception {
        String huge = "x".repeat(5_000_000);
        Path f = Files.writeString(dir.resolve("h.minet.json"), Files.readString(REFERENCE).replace("\"tier\": \"GeneralPurpose\"", "\"tier\": \"" + huge + "\""));
        String message = error(f);
        assertThat(message.length()).isLessThan(700);
        assertThat(message).contains("…(+");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
