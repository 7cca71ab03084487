package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.context.Userland;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @TempDir
    Path dir;

    @Test
    void patternWordsAreTheWholeWordsAPatternCanMatch() {
        Set<String> words = new TreeSet<>();
        PatternWords.addTo("(?<verb>delete|remove)\\s+files?\\b|\\bzip|\\bannotat(?:ed|e)\\b|(?:un)?pack"
                + "|what'?s|organi[sz]e|preserv\\w*|files_x|doc2pdf|tree-size|(?:hidden)|\\bthe (?!local\\b)\\w+"
                + "|(?-i:[A-Z]+) logs", words);
        assertEquals(Set.of("delete", "remove", "file", "files", "annotated", "annotate", "pack", "unpack", "whats",
                "what", "organise", "organize", "tree", "size", "hidden", "local", "logs"), words);
    }

    @Test
    void vocabularyHoldsThePatternsWordsAndTheExplanationsWords() {
        Catalog c = Catalog.of(Catalog.parse("""
                [x.tag]
                category: acme
                when: \\bannotat(?:ed|e)\\b|\\bjournal\\b
                unless: \\blightweight\\b
                opt: \\b(?:compute|calculate)\\b
                gnu: tag -a
                explain: Makes an ANNOTATED tag (signed-off).
                """, "test"));
        assertEquals(Set.of("annotated", "annotate", "journal", "lightweight", "compute", "calculate", "makes",
                "signed"), c.vocabulary());
        // A word after \b is a word (all of the built-in catalog's \bword were missing once), a stem is not.
        Set<String> builtIn = Catalog.load(CatalogTest.class.getClassLoader()).vocabulary();
        assertTrue(builtIn.containsAll(Set.of("journal", "annotated", "fastest", "calculate", "delete")), builtIn.toString());
        assertFalse(builtIn.contains("annotat"), "a stem is no word");
    }

    @Test
    void everyBuiltInPatternCompiles() {
        // The built-in catalog compiles its patterns on first use, so a bad one would only show
        // when a request reaches it: compile them all here.
        Catalog c = Catalog.load(CatalogTest.class.getClassLoader());
        int n = 0;
        for (Intent i : c.intents()) {
            for (List<Pattern> l : List.of(i.when(), i.unless(), i.optional())) {
                for (int k = 0; k < l.size(); k++) {
                    int at = k;
                    assertDoesNotThrow(() -> l.get(at), () -> i.id() + " pattern " + at);
                    n++;
                }
            }
        }
        assertTrue(n > 1000, "patterns: " + n);
    }

    @Test
    void builtInCatalogCoversAtLeast150TasksWithUniqueIds() {
        Catalog c = Catalog.load(CatalogTest.class.getClassLoader());
        assertTrue(c.intents().size() >= 150, "intents: " + c.intents().size());
        Set<String> ids = new HashSet<>();
        for (Intent i : c.intents()) {
            assertTrue(ids.add(i.id()), "duplicate " + i.id());
            assertTrue(!i.explanation().isBlank(), i.id() + " has no explanation");
        }
        Set<String> categories = new HashSet<>();
        c.intents().forEach(i -> categories.add(i.category()));
        assertTrue(categories.containsAll(List.of("file-search", "text-search", "disk-usage", "text-transform",
                "archives", "compression", "processes", "network", "permissions", "git", "system-info", "datetime",
                "checksums", "environment", "counting", "file-ops")), categories.toString());
        assertEquals(List.of(), c.problems());
    }

    @Test
    void reportsSyntaxErrorsWithFileAndLine() {
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> Catalog.parse("[x.one]\nwhen: a\ncolour: red\n", "test.intents"));
        assertEquals("test.intents:3: unknown key 'colour'; known: [allow, bsd, category, explain, fish, gnu, opt,"
                + " powershell, priority, unless, when]", e.getMessage());
        e = assertThrows(CatalogFormatException.class, () -> Catalog.parse("[x.two]\nwhen: (\ngnu: ls\n", "t"));
        assertTrue(e.getMessage().startsWith("t:1 [x.two]: bad pattern ("), e.getMessage());
        e = assertThrows(CatalogFormatException.class, () -> Catalog.parse("[x.three]\ngnu: ls\n", "t"));
        assertEquals("t:1 [x.three]: needs at least one 'when' and a 'gnu' template", e.getMessage());
    }

    @Test
    void aBsdTemplateOfADashMeansNoCommandOnBsd() {
        List<Intent> intents = Catalog.parse("[x.one]\nwhen: a\ngnu: systemctl --failed\nbsd: -\n\n"
                + "[x.two]\nwhen: a\ngnu: ls\n", "test.intents");
        assertEquals("-", intents.get(0).templates().get("bsd"));
        assertTrue(intents.get(0).declines(Userland.BSD));
        assertFalse(intents.get(0).declines(Userland.GNU));
        assertFalse(intents.get(1).declines(Userland.BSD));
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> Catalog.parse("[x.three]\nwhen: a\ngnu: -\n", "t"));
        assertEquals("t:1 [x.three]: '-' (no command) is only for 'bsd'", e.getMessage());
    }

    @Test
    void pluginsAddIntentsWithACatalogFileOnTheirClassPath() throws Exception {
        Path meta = Files.createDirectories(dir.resolve("META-INF/caro/offline"));
        Files.writeString(meta.resolve("catalog.intents"), """
                # an extension catalog, as a plugin jar would ship it
                [acme.deploy-status]
                category: acme
                when: \\bacme\\b.*\\bstatus\\b
                opt: \\benv(?:ironment)? (?<env>[a-z]+)
                gnu: acme status{?env: --env {=env}}
                explain: Shows the deployment status.

                [git.status]
                when: status
                gnu: echo hijacked
                """);
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                CatalogTest.class.getClassLoader())) {
            Catalog c = Catalog.load(CatalogTest.class.getClassLoader(), List.of(plugin));
            assertEquals(List.of(meta.resolve("catalog.intents").toUri().toURL()
                    + ": intent git.status already exists; skipped"), c.problems());
            OfflineBackend backend = new OfflineBackend(c);
            assertEquals("acme status --env prod", command(backend, "show the acme status for environment prod"));
            assertEquals("git status", command(backend, "git status"));
        }
    }

    @Test
    void aBrokenPluginCatalogIsSkippedNotFatal() throws Exception {
        Path meta = Files.createDirectories(dir.resolve("META-INF/caro/offline"));
        Files.writeString(meta.resolve("catalog.intents"), "[broken]\nwhen: (\ngnu: x\n");
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                CatalogTest.class.getClassLoader())) {
            Catalog c = Catalog.load(CatalogTest.class.getClassLoader(), List.of(plugin));
            assertEquals(1, c.problems().size());
            assertTrue(c.problems().get(0).endsWith("; file skipped"), c.problems().get(0));
            assertEquals("git status", command(new OfflineBackend(c), "git status"));
        }
    }

    /** The hand-written header check accepts exactly what the regular expression it replaced did. */
    @Test
    void headerLinesAreRecognizedAsTheirExpressionDid() {
        Pattern header = Pattern.compile("\\[([a-z0-9][a-z0-9._-]*)]");
        List<String> lines = List.of("[git.status]", "[a]", "[0-9_x-y.z]", "[]", "[.x]", "[-x]", "[_x]", "[Git]",
                "[git status]", "[git.status", "git.status]", "[[x]]", "[x]]", "[é]", "when: x", "[x.]", "[a:b]");
        for (String line : lines) {
            Matcher m = header.matcher(line);
            assertEquals(m.matches() ? m.group(1) : null, Catalog.headerId(line), line);
        }
    }

    private static String command(OfflineBackend b, String prompt) {
        var g = b.generate(new GenerationRequest(prompt, Backends.GNU, List.of(), 1, Duration.ofSeconds(5)));
        return g.candidates().isEmpty() ? "NONE " + g.note() : g.candidates().get(0).command();
    }
}
