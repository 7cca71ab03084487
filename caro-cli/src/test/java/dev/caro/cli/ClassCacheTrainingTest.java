package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTrainingTest {

    @Test
    void theWorkloadReallyTakesTheEverydayPaths(@TempDir Path home) throws Exception {
        // A run that failed early would record only the classes of its error path.
        List<Integer> codes = new ArrayList<>();
        for (List<String> run : ClassCacheTraining.RUNS) {
            codes.add(ClassCacheTraining.run(home, run.toArray(new String[0])));
        }
        assertEquals(List.of(ExitCodes.OK, ExitCodes.OK, 12, 0, ExitCodes.OK, ExitCodes.OK), codes);
    }

    @Test
    void theWorkloadTakesTheClientsPathThroughTheCliServer(@TempDir Path home) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo"))
                || Files.isExecutable(Path.of("/bin/mkfifo")), "mkfifo is needed for the server's pipes");
        // The client's classes go into the archive only when the exchange really happens.
        assertEquals(12, ClassCacheTraining.throughServer(home));
    }

    @Test
    void theWorkloadWritesIntoItsOwnHomeNotTheUsers(@TempDir Path home) throws Exception {
        ClassCacheTraining.run(home, "-b", "offline", "-q", "list files");
        // History goes to the training's own home, which main() deletes afterwards.
        try (var files = Files.list(home)) {
            assertFalse(files.findAny().isEmpty(), "the run wrote nothing into its home");
        }
    }

    @Test
    void theArchiveAlsoHoldsTheClassesOfTheRealStart() {
        CliEnvironment real = CliEnvironment.system(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertTrue(ClassCacheTraining.ALSO_LOADED.contains(real.terminal().getClass()), real.terminal().getClass().getName());
    }
}
