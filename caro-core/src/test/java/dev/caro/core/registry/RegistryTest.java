package dev.caro.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import dev.caro.core.fakes.GoodFormatter;
import dev.caro.core.fakes.ScriptedBackendProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static ScriptedBackendProvider backend(String id, int rank) {
        return ScriptedBackendProvider.answering(id, rank, Generation.none("unused"));
    }

    @Test
    void discoversBuiltInFormattersThroughServiceLoader() {
        Registry r = Registry.discover(getClass().getClassLoader());
        assertEquals(List.of("plain", "json", "yaml"),
                r.formatters().stream().map(f -> f.id()).filter(List.of("plain", "json", "yaml")::contains).toList());
    }

    @Test
    void ordersBackendsByRankThenId() {
        Registry r = new Registry();
        r.addBackend(backend("caro.offline", 10), true);
        r.addBackend(backend("caro.llamacpp", 100), true);
        r.addBackend(backend("ollama", 60), false);
        r.addBackend(backend("aaa", 60), false);
        assertEquals(List.of("caro.llamacpp", "aaa", "ollama", "caro.offline"),
                r.backends().stream().map(b -> b.id()).toList());
    }

    @Test
    void builtInsAreFoundWithoutTheirPrefix() {
        Registry r = new Registry();
        ScriptedBackendProvider offline = backend("caro.offline", 10);
        r.addBackend(offline, true);
        assertSame(offline, r.backend("offline"));
        assertSame(offline, r.backend("caro.offline"));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        Registry r = new Registry();
        r.addBackend(backend("caro.offline", 10), true);
        r.addBackend(backend("ollama", 50), false);
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> r.backend("gpt"));
        assertEquals("unknown backend 'gpt'; choose one of: offline, ollama", e.getMessage());
        UnknownNameException f = assertThrows(UnknownNameException.class, () -> r.formatter("xml"));
        assertEquals("unknown output format 'xml'; none is installed", f.getMessage());
    }

    @Test
    void rejectsDuplicateReservedAndInvalidIds() {
        Registry r = new Registry();
        assertTrue(r.addBackend(backend("caro.offline", 10), true));
        assertFalse(r.addBackend(backend("caro.offline", 10), true));
        assertFalse(r.addBackend(backend("caro.sneaky", 10), false));
        assertFalse(r.addBackend(backend("offline", 10), false));
        assertFalse(r.addBackend(backend("Bad Id", 10), false));
        assertEquals(1, r.backends().size());
        List<String> messages = r.problems().stream().map(RegistryProblem::message).toList();
        assertEquals(List.of(
                "backend id 'caro.offline' is already used by " + ScriptedBackendProvider.class.getName(),
                "backend id 'caro.sneaky' uses the prefix 'caro.', which is reserved for caro's built-ins",
                "backend id 'offline' is already used by " + ScriptedBackendProvider.class.getName(),
                "backend id 'Bad Id' is invalid: use lower-case letters, digits, '.', '-' and '_'"), messages);
    }

    @Test
    void aProviderThatCannotBeCreatedIsRecordedAndTheOthersLoad() {
        // ThrowingFormatter and GoodFormatter are registered in this module's test META-INF/services.
        Registry r = Registry.discover(getClass().getClassLoader());
        assertTrue(r.formatters().stream().anyMatch(f -> f.id().equals("test-good")));
        assertTrue(r.problems().stream().anyMatch(p -> p.source().endsWith("ThrowingFormatter")
                && p.message().startsWith("cannot be created: ")), r.problems().toString());
    }

    @Test
    void eachKindIsDiscoveredWhenFirstUsedAndItsProblemsAreReportedOnce() {
        List<RegistryProblem> reported = new ArrayList<>();
        Registry r = Registry.discover(getClass().getClassLoader(), reported::add);
        r.rules();
        r.backends();
        assertEquals(List.of(), reported, "the broken formatter is not created before formatters are used");
        r.formatter("test-good");
        r.formatters();
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).source().endsWith("ThrowingFormatter"), reported.toString());
        assertEquals(reported, r.problems());
    }

    @Test
    void aPluginExtensionCannotTakeABuiltInIdBeforeTheBuiltInsAreDiscovered() {
        Registry r = Registry.discover(getClass().getClassLoader());
        assertFalse(r.addFormatter(new GoodFormatter(), false));
        assertTrue(r.problems().stream().anyMatch(p -> p.message().equals(
                "output format id 'test-good' is already used by " + GoodFormatter.class.getName())),
                r.problems().toString());
    }
}
