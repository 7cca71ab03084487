package dev.caro.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.safety.fakes.NamedProgramRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentCheckTest {

    private static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/project", "/home/user");
    private final SafetyEngine engine = new SafetyEngine(List.of(new NamedProgramRule("test.rm", "rm", RiskLevel.HIGH)));

    private Optional<String> warning(String request, String command) {
        return engine.intentWarning(request, command, engine.assess(command, CONTEXT));
    }

    @Test
    void aDestructiveRequestAnsweredWithAnEchoSaysSo() {
        assertEquals(Optional.of("The request asks to wipe something, but this command only prints text and does"
                + " not wipe anything; rephrase the request or write the command yourself."),
                warning("wipe my disk", "echo 'Disk wiped'"));
        assertEquals(Optional.of("The request asks to shut down something, but this command only prints text and"
                + " does not shut down anything; rephrase the request or write the command yourself."),
                warning("please shut down the server now", "printf 'done\\n'"));
    }

    @Test
    void aDestructiveRequestAnsweredWithAListingSaysSo() {
        assertEquals(Optional.of("The request asks to delete something, but this command only lists or reads and"
                + " does not delete anything; check that this is what you wanted."),
                warning("delete all log files older than a week", "find . -name '*.log' -mtime +7"));
        assertEquals(Optional.of("The request asks to kill something, but this command only lists or reads and"
                + " does not kill anything; check that this is what you wanted."),
                warning("kill the process on port 8080", "lsof -i :8080"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "delete all log files | find . -name '*.log' -delete",
        "delete node_modules | rm -rf node_modules",
        "remove duplicate lines from names.txt | sort -u names.txt",
        "format the json output | jq . data.json",
        "list the biggest files | du -sh * | sort -h",
        "wipe the cache | echo x > cache.db",
        "kill the server | pkill -f server",
        "delete the temp file | echo 'done' && unlink tmp.txt"
    })
    void staysQuietWhenTheCommandActsOrTheRequestIsHarmless(String request, String command) {
        assertEquals(Optional.empty(), warning(request, command));
    }

    @Test
    void recognizesVerbForms() {
        assertEquals("delete", IntentCheck.destructiveVerb("Deleting everything in Downloads"));
        assertEquals("erase", IntentCheck.destructiveVerb("erases the partition table"));
        assertEquals("format", IntentCheck.destructiveVerb("format the USB drive as FAT32"));
        assertEquals(null, IntentCheck.destructiveVerb("format this date as ISO"));
        assertEquals("shut down", IntentCheck.destructiveVerb("power off at midnight"));
        assertEquals(null, IntentCheck.destructiveVerb("show disk usage"));
    }
}
