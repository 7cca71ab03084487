package dev.caro.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.safety.RiskLevel;
import dev.caro.core.eval.ExecutionEquivalence.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC})
class ExecutionEquivalenceTest {

    private final ExecutionEquivalence exec = new ExecutionEquivalence(
            c -> c.contains("rm ") ? Optional.of(RiskLevel.HIGH) : Optional.of(RiskLevel.SAFE), Duration.ofSeconds(5));

    @Test
    void sameOutputInTheSandboxIsEquivalent() {
        assertEquals(Verdict.SAME, exec.compare("grep -c ERROR app.log", "grep ERROR app.log | wc -l", List.of()).verdict());
        assertEquals(Verdict.SAME, exec.compare("find . -name '*.py' | sort", "find . -name '*.py' -print | sort -r | sort",
                List.of()).verdict());
    }

    @Test
    void differentOutputIsNot() {
        ExecutionEquivalence.Result r = exec.compare("grep -c WARN app.log", "grep -c ERROR app.log", List.of());
        assertEquals(Verdict.DIFFERENT, r.verdict());
        assertEquals("different output", r.reason());
    }

    @Test
    void changedFilesCount() {
        ExecutionEquivalence.Result r = exec.compare("gzip -k notes.txt", "gzip notes.txt", List.of());
        assertEquals(Verdict.DIFFERENT, r.verdict());
        assertEquals("different files afterwards", r.reason());
        assertEquals(Verdict.SAME, exec.compare("touch made.txt", ": > made.txt", List.of()).verdict());
    }

    @Test
    void mentionedFilesExistInTheSandbox() {
        assertEquals(Verdict.SAME, exec.compare("wc -l < report.txt", "cat report.txt | wc -l", List.of("report.txt"))
                .verdict());
    }

    @Test
    void runsOnlySafeCommandsInsideTheSandbox() {
        assertEquals(new ExecutionEquivalence.Result(Verdict.SKIPPED, "not run: 'rm -r src': it is HIGH, only SAFE commands run"),
                exec.compare("rm -r src", "ls", List.of()));
        assertEquals(new ExecutionEquivalence.Result(Verdict.SKIPPED,
                "not run: 'cat /etc/passwd': it names a path outside the sandbox"),
                exec.compare("cat /etc/passwd", "ls", List.of()));
        assertEquals(Verdict.SKIPPED, exec.compare("ls ../..", "ls", List.of()).verdict());
        assertEquals(Verdict.SKIPPED, exec.compare("curl -s https://example.com", "ls", List.of()).verdict());
        ExecutionEquivalence broken = new ExecutionEquivalence(c -> {
            throw new UnsupportedOperationException("safety engine not implemented yet");
        }, Duration.ofSeconds(5));
        assertEquals("not run: 'ls': the safety engine could not judge it", broken.compare("ls", "ls", List.of()).reason());
    }

    @Test
    void runawayCommandsTimeOutAndLeaveNoProcessBehind() throws InterruptedException {
        java.time.Instant before = java.time.Instant.now().minusSeconds(2); // /proc start times are coarse
        ExecutionEquivalence quick = new ExecutionEquivalence(c -> Optional.of(RiskLevel.SAFE), Duration.ofMillis(500));
        // A word of its own, so that another test run's "yes" on the same machine is not taken for this one's.
        String mark = "caro-runaway-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        assertEquals(Verdict.SKIPPED, quick.compare("yes " + mark + " > /dev/null", "true", List.of()).verdict());
        Thread.sleep(200);
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/yes")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(mark)).orElse(true))
                .filter(h -> h.info().startInstant().map(t -> t.isAfter(before)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left, "the timed-out command's children were left running");
    }
}
