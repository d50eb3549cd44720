package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TraceAndSizeCommandTest {
    static final String REF = "sample-networks/reference.minet.json";

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void traceExitsZeroWhenAllowedOneWhenDenied() {
        Run ok = run("trace", REF, "--from", "AppSubnet", "--to", "sqlmi-ref", "--port", "1433");
        assertThat(ok.code()).isEqualTo(0);
        assertThat(ok.out()).contains("route 10.0.0.0/16 → VnetLocal").contains("rule 'allow_tds_inbound' (priority 1000)").contains("Verdict: ALLOWED");
        Run no = run("trace", REF, "--from", "8.8.8.8", "--to", "10.0.0.10", "--port", "1433");
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.out()).contains("denied by rule 'deny_all_inbound' (priority 4096)").contains("Verdict: DENIED");
    }

    @Test
    void traceRefusesWhatItCannotUse() {
        Run name = run("trace", REF, "--from", "nowhere", "--to", "10.0.0.4", "--port", "1");
        assertThat(name.code()).isEqualTo(2);
        assertThat(name.err()).contains("'nowhere'");
        Run file = run("trace", "no-such-file.json", "--from", "a", "--to", "b", "--port", "1");
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).contains("no-such-file.json").doesNotContain("Exception");
    }

    @Test
    void sizeFollowsTheSeedsExample() {
        Run r = run("size", "--gp", "3", "--bc", "2", "--profile", "azure-2019-04");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out().trim()).startsWith("19 addresses needed → 32 → /27 (azure-2019-04: 5 + 2·3 + 4·2 = 19;");
        // The 09/2025 document's first example: 3 GP + 2 BC in one group = 49 → /26; its second: 4 GP + 3 BC, 2 groups = 71 → /25.
        assertThat(run("size", "--gp", "3", "--bc", "2").out()).startsWith("49 addresses needed → 64 → /26 (azure-2025-09");
        assertThat(run("size", "--gp", "4", "--bc", "3", "--groups", "2").out()).startsWith("71 addresses needed → 128 → /25");
        // 2021/2022: 5 + 12·3 + 16·2 + 16·1 = 89 (the 06/2021 document printed 85, an arithmetic error the 04/2022 one corrected) → /25.
        assertThat(run("size", "--gp", "3", "--bc", "2", "--profile", "azure-2022-11").out()).startsWith("89 addresses needed → 128 → /25");
        assertThat(run("size", "--gp", "-1").code()).isEqualTo(2);
    }
}
