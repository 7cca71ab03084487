package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsCommandTest {

    @TempDir
    Path home;

    @Test
    void listsBackendsByRankWithAvailability() {
        CaroRunner.Run r = new CaroRunner(home).run("backends", "list");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("BACKEND       RANK  OFFLINE  STATUS      DESCRIPTION\n"), r.out());
        assertTrue(r.out().contains("test-echo        1  yes      ready       answers 'cmd: X' with X (tests only)\n"), r.out());
        int offline = r.out().indexOf("\noffline ");
        int echo = r.out().indexOf("\ntest-echo ");
        assertTrue(offline > 0 && offline < echo, "higher rank first:\n" + r.out());
    }

    @Test
    void jsonHasOneObjectPerBackend() {
        CaroRunner.Run r = new CaroRunner(home).run("backends", "--json");
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{\"id\":")), r.out());
        assertTrue(r.out().contains("{\"id\":\"test-echo\",\"rank\":1,\"offline\":true,\"needs_model\":false,\"available\":true,"), r.out());
    }
}
