package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.ProgressListener;
import dev.caro.cli.fakes.FakeModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logic behind {@code caro models …}, driven with a store in memory. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter o = new PrintWriter(out, true);
    private final PrintWriter e = new PrintWriter(err, true);
    private final FakeModelStore store = new FakeModelStore().model("small", false).model("medium", true);
    private final List<ModelsCommand.NamedStore> stores = List.of(new ModelsCommand.NamedStore("llamacpp", store));

    @Test
    void listMarksTheModelInUse() {
        ModelsCommand.list(stores, Optional.empty(), false, o);
        assertEquals("""
                  MODEL                  SIZE     STATUS          DESCRIPTION
                  small                  1 GB     not downloaded  model small
                * medium                 1 GB     not downloaded  model medium
                * = in use. Get one with: caro models pull ID; select it with: caro models use ID
                """, out.toString());
    }

    @Test
    void listAsJson() {
        ModelsCommand.list(stores, Optional.of("small"), true, o);
        assertEquals("""
                {"id":"small","backend":"llamacpp","size":"1 GB","downloaded":false,"path":"","default":false,"selected":true,"source":"acme/small","description":"model small"}
                {"id":"medium","backend":"llamacpp","size":"1 GB","downloaded":false,"path":"","default":true,"selected":false,"source":"acme/medium","description":"model medium"}
                """, out.toString());
    }

    @Test
    void pullDefaultsToTheSelectedThenTheDefaultModel() throws Exception {
        assertEquals("medium", ModelsCommand.idOrSelected(stores, null, Optional.empty()));
        assertEquals("small", ModelsCommand.idOrSelected(stores, null, Optional.of("small")));
        assertEquals("medium", ModelsCommand.idOrSelected(stores, null, Optional.of("/models/x.gguf")));
        assertEquals(0, ModelsCommand.pull(stores, "small", ProgressListener.NONE, o, e));
        assertEquals("small is ready: /cache/models/small.gguf\n", out.toString());
    }

    @Test
    void failedPullPrintsTheReasonAndExitsWithOne() throws Exception {
        store.pullFails("cannot reach huggingface.co: you seem to be offline");
        assertEquals(1, ModelsCommand.pull(stores, "small", ProgressListener.NONE, o, e));
        assertEquals("caro: cannot reach huggingface.co: you seem to be offline\n", err.toString());
    }

    @Test
    void unknownIdIsAUsageError() {
        UsageException ex = assertThrows(UsageException.class,
                () -> ModelsCommand.pull(stores, "huge", ProgressListener.NONE, o, e));
        assertEquals("unknown model 'huge'; known models: small, medium", ex.getMessage());
    }

    @Test
    void useWritesTheConfigAndWarnsWhenNotDownloaded() throws Exception {
        Path config = dir.resolve("config.toml");
        assertEquals(0, ModelsCommand.use(stores, "small", config, o, e));
        assertTrue(Files.readString(config).contains("model = \"small\""), Files.readString(config));
        assertEquals("model = small (in " + config + ")\n", out.toString());
        assertEquals("caro: small is not downloaded yet; get it with: caro models pull small\n", err.toString());
    }

    @Test
    void useAcceptsAnExistingGgufFileOnly() throws Exception {
        Path config = dir.resolve("config.toml");
        Path gguf = Files.writeString(dir.resolve("mine.gguf"), "GGUF");
        assertEquals(0, ModelsCommand.use(stores, gguf.toString(), config, o, e));
        assertTrue(Files.readString(config).contains(gguf.toString()));
        UsageException ex = assertThrows(UsageException.class,
                () -> ModelsCommand.use(stores, dir.resolve("gone.gguf").toString(), config, o, e));
        assertEquals("model file " + dir.resolve("gone.gguf") + " does not exist", ex.getMessage());
    }

    @Test
    void verifyChecksEveryDownloadedModel() throws Exception {
        assertEquals(0, ModelsCommand.verify(stores, null, ProgressListener.NONE, o, e));
        assertEquals("no model is downloaded; get one with: caro models pull ID\n", out.toString());
        ModelsCommand.pull(stores, "small", ProgressListener.NONE, o, e);
        ModelsCommand.pull(stores, "medium", ProgressListener.NONE, o, e);
        store.corrupt("medium");
        out.getBuffer().setLength(0);
        assertEquals(1, ModelsCommand.verify(stores, null, ProgressListener.NONE, o, e));
        assertEquals("small: ok (/cache/models/small.gguf)\n", out.toString());
        assertEquals("caro: model medium is corrupt\n", err.toString());
    }

    @Test
    void removeSaysWhatHappened() throws Exception {
        ModelsCommand.pull(stores, "small", ProgressListener.NONE, o, e);
        out.getBuffer().setLength(0);
        ModelsCommand.remove(stores, "small", o, e);
        ModelsCommand.remove(stores, "small", o, e);
        assertEquals("removed small\nsmall was not downloaded\n", out.toString());
    }
}
