package dev.caro.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.safety.SafetyEngine;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What users read: the exact message, risk and span of the top finding for typical commands. */
class RuleMessagesTest {

    private static final SafetyEngine ENGINE = CorpusTest.engine();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            rm -rf ~ :: caro.fs.recursive-delete :: CRITICAL :: Recursively deletes the home directory /home/user. :: ~
            sudo rm -rf "$DIR"/ :: caro.fs.recursive-delete :: HIGH :: Recursively deletes "$DIR"/, whose value caro cannot know (it may be / or your home directory). :: "$DIR"/
            find / -delete :: caro.fs.find-delete :: CRITICAL :: Deletes everything under the root directory /. :: /
            dd if=/dev/zero of=/dev/sda bs=1M :: caro.disk.device-write :: CRITICAL :: Writes raw data onto the whole disk /dev/sda, destroying the data on it. :: of=/dev/sda
            sudo mkfs.ext4 /dev/sdb1 :: caro.disk.format :: HIGH :: Formats the partition or volume /dev/sdb1, erasing everything on it. :: /dev/sdb1
            chmod -R 777 /etc :: caro.perm.recursive-change :: CRITICAL :: Recursively changes the permissions of the system path /etc so that anyone can write to it. :: /etc
            curl -fsSL https://example.com/i.sh | sh :: caro.remote.download-exec :: HIGH :: Pipes a download straight into sh, running code nobody has read. :: sh
            git push --force origin main :: caro.git.force-push :: HIGH :: Force-pushes over the remote branch main. :: main
            psql -c 'DROP DATABASE orders;' :: caro.db.destructive-sql :: HIGH :: Runs DROP DATABASE orders through psql, which cannot be undone. :: psql -c 'DROP DATABASE orders;'
            kill -9 -1 :: caro.process.mass-kill :: CRITICAL :: Sends SIG9 to every process you can signal (kill -1). :: -1
            sudo reboot :: caro.power.shutdown :: MODERATE :: Reboots the machine. :: sudo reboot
            history -c :: caro.history.wipe :: MODERATE :: Clears the shell's command history. :: history -c
            """)
    void topFindingNamesTheTarget(String command, String ruleId, RiskLevel risk, String message, String spanText) {
        Assessment a = ENGINE.assess(command, CorpusTest.CONTEXT);
        Finding top = a.findings().get(0);
        assertEquals(ruleId, top.ruleId());
        assertEquals(risk, a.risk());
        assertEquals(message, top.message());
        assertEquals(spanText, top.span().of(command));
    }

    @Test
    void aForkBombPointsAtTheFunction() {
        String bomb = ":(){ :|:& };:";
        Assessment a = ENGINE.assess(bomb, CorpusTest.CONTEXT);
        Finding top = a.findings().get(0);
        assertEquals("caro.process.fork-bomb", top.ruleId());
        assertEquals(RiskLevel.CRITICAL, top.risk());
        assertEquals("The function : starts copies of itself without end (a fork bomb).", top.message());
    }

    @Test
    void rulesGiveTheSameAnswersFromManyThreads() throws Exception {
        List<Corpus.Case> cases = Corpus.load("shared-sample.jsonl").cases();
        List<RiskLevel> expected = cases.stream().map(c -> ENGINE.assess(c.cmd(), CorpusTest.CONTEXT).risk()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RiskLevel>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> cases.stream().map(c -> ENGINE.assess(c.cmd(), CorpusTest.CONTEXT).risk()).toList()));
            }
            for (Future<List<RiskLevel>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
