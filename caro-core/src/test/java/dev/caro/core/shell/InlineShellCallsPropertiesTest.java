package dev.caro.core.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-liner reader never throws and only returns text that was in the program. */
class InlineShellCallsPropertiesTest {

    @Property(tries = 1000)
    void anyProgramGivesCommandsOrNothing(@ForAll("programs") String code) {
        List<String> found = InlineShellCalls.commands(code);
        assertTrue(found.size() <= 64);
        for (String command : found) {
            assertTrue(command.length() <= code.length() * 4 + 16, command);
        }
    }

    @Provide
    Arbitrary<String> programs() {
        Arbitrary<String> pieces = Arbitraries.of("system", "system(", "os.system(", "subprocess.run([", "execSync(",
                "spawnSync('rm', [", "qx{", "qx", "%x(", "`", "'", "\"", "\\", "[", "]", "(", ")", ",", " ", "rm -rf /",
                "r'", "f\"", "$x", "\n", "{", "}", "exec", "popen");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
