package dev.caro.rules.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LazyPatternTest {

    @Test
    void compilesOnFirstUseAndThenKeepsThePattern() {
        LazyPattern p = LazyPattern.of("a+b");
        assertFalse(p.isCompiled());
        assertTrue(p.matcher("xaab").find());
        assertTrue(p.isCompiled());
        assertSame(p.get(), p.get());
        assertEquals("a+b", p.get().pattern());
    }

    @Test
    void honoursFlagsAndSplitsLikeAPattern() {
        LazyPattern p = LazyPattern.of("SET", Pattern.CASE_INSENSITIVE);
        assertTrue(p.matcher("update t set x").find());
        assertArrayEquals(Pattern.compile("\\s+").split("a  b\tc"), LazyPattern.of("\\s+").split("a  b\tc"));
    }

    @Test
    void aMalformedExpressionFailsWhenFirstUsedNotWhenDeclared() {
        LazyPattern p = LazyPattern.of("(unclosed");
        assertThrows(PatternSyntaxException.class, () -> p.matcher("x"));
    }

    /** Rules compile their patterns on first use; this keeps a malformed one from reaching a user. */
    @Test
    void everyPatternOfTheBuiltInRulesCompiles() throws Exception {
        List<String> compiled = new ArrayList<>();
        for (Class<?> c : mainClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == LazyPattern.class && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    LazyPattern p = (LazyPattern) f.get(null);
                    p.get();
                    compiled.add(c.getSimpleName() + "." + f.getName());
                }
            }
        }
        // Over 90 when this test was written; a much lower count means the scan missed classes.
        assertTrue(compiled.size() >= 80, "found only " + compiled);
    }

    /** Every class compiled from the module's main sources. */
    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(LazyPattern.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                out.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        LazyPattern.class.getClassLoader()));
            }
        }
        return out;
    }
}
