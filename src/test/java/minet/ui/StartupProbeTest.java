package minet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class StartupProbeTest {
    @Test
    void readsTheStartTickAfterACommandNameWithSpacesAndParentheses() {
        // Started at tick 2033882 (field 22) = 20338.82 s after boot; the machine has been up 20338.97 s.
        String stat = "29455 (a (b) c) R 29411 29411 30856 0 -1 4194304 127 0 0 0 0 0 0 0 20 0 1 0 2033882 3133440 411 18446";
        assertEquals(150, StartupProbe.millisSinceStart(stat, "20338.97 40000.12\n"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessStartedBeforeItsJvmAndNotLongBefore() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long since = StartupProbe.sinceProcessStart();
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        // The kernel counts in 10 ms ticks; the JVM is created a little after the process starts.
        assertTrue(since >= jvmUptime - 20, since + " ms since start, JVM up " + jvmUptime + " ms");
        assertTrue(since <= after + 2_000, since + " ms since start, JVM up " + after + " ms");
    }
}
