package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclineTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "make me a sandwich", "deploy to production", "what's the weather", "what's the weather in Paris",
        "tell me a joke", "book a flight to Berlin", "fix my code", "how are you", "", "   ",
        "write a poem about files", "make it faster", "do the thing we discussed"})
    void declinesRequestsItDoesNotUnderstand(String prompt) {
        Generation g = Backends.generate(prompt, Backends.GNU);
        assertTrue(g.isEmpty(), prompt + " -> " + g.candidates());
        assertTrue(!g.note().isBlank(), "a decline says why");
    }

    @Test
    void explainsWhatItWouldHaveIgnored() {
        Generation g = Backends.generate("tar up src but leave out the .git and node_modules dirs and encrypt it",
                Backends.GNU);
        assertTrue(g.isEmpty(), String.valueOf(g.candidates()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // An upper-case word is a variable only when named as one: this is a date format.
        "print the current date and time in RFC 1123 format",
        // The time in UTC is not an ISO 8601 timestamp of a given kind when the request names a format.
        "current time in Tokyo in ISO week format",
        // The backup's extension must be the one the command writes (sed -i.bak is not a .orig backup).
        "replace foo with bar in app.conf, keep a .orig backup"})
    void declinesWhenAnUpperCaseWordOrAFormatIsNotExplained(String prompt) {
        Backends.assertDeclines(prompt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ping 8.8.8.8 and 1.1.1.1", "show how long process 4242 and 4243 have been running"})
    void declinesWhenTheCommandUsesOnlyOneItemOfAList(String prompt) {
        Backends.assertDeclines(prompt);
    }

    @Test
    void namesTheListItemTheCommandWouldLeaveOut() {
        assertEquals("closest task is net.ping but it would ignore '1.1.1.1'",
                Backends.generate("ping 8.8.8.8 and 1.1.1.1", Backends.GNU).note());
    }

    @Test
    void declinesWhenTheCommandWouldIgnorePartOfTheRequest() {
        // "git status" does not take a size: a command that drops what the user said is wrong.
        Generation g = Backends.generate("git status of files over 10MB", Backends.GNU);
        assertTrue(g.isEmpty(), String.valueOf(g.candidates()));
        assertEquals("the offline backend does not know this task", Backends.generate("make me a sandwich",
                Backends.GNU).note());
    }
}
