package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.backend.llamacpp.fixtures.GgufWriter;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {

    @TempDir
    Path dir;

    @Test
    void readsMetadataAndTensorTable() throws Exception {
        Path p = TinyLlamaModel.write(dir.resolve("m.gguf"), 1);
        GgufFile g = GgufFile.read(p);
        assertEquals(3, g.version());
        assertEquals("llama", g.architecture());
        assertEquals(Optional.of((long) TinyLlamaModel.CONTEXT), g.contextLength());
        assertEquals(Optional.of(TinyLlamaModel.CHATML_TEMPLATE), g.chatTemplate());
        assertEquals(3 + 9 * TinyLlamaModel.N_LAYER, g.tensors().size());
        assertEquals(new GgufFile.ArrayInfo(8, TinyLlamaModel.vocabulary().size()), g.metadata().get("tokenizer.ggml.tokens"));
        assertEquals(Files.size(p), g.expectedMinimumSize()); // the last tensor ends the file (aligned)
        assertEquals(0, g.dataOffset() % 32);
    }

    @Test
    void sizesQuantizedTensors() throws Exception {
        Path p = dir.resolve("q.gguf");
        new GgufWriter().string("general.architecture", "llama")
                .tensor("a", new long[] {256, 4}, GgufWriter.TYPE_Q4_0, new byte[4 * 8 * 18])
                .write(p);
        GgufFile g = GgufFile.read(p);
        assertEquals(4 * 8 * 18, g.tensors().get(0).byteSize());
        assertEquals(g.dataOffset() + 4 * 8 * 18, g.expectedMinimumSize());
    }

    @Test
    void unknownTensorTypeSkipsTheSizeCheck() throws Exception {
        Path p = dir.resolve("x.gguf");
        new GgufWriter().tensor("a", new long[] {256}, 39, new byte[10]).write(p);
        assertEquals(-1, GgufFile.read(p).expectedMinimumSize());
    }

    @Test
    void rejectsWhatIsNotGguf() throws Exception {
        Path html = Files.writeString(dir.resolve("a.gguf"), "<!doctype html>");
        assertEquals("is not a GGUF file (it does not start with 'GGUF')",
                assertThrows(GgufFile.GgufFormatException.class, () -> GgufFile.read(html)).getMessage());
        Path empty = Files.write(dir.resolve("e.gguf"), new byte[0]);
        assertEquals("is empty or shorter than a GGUF header",
                assertThrows(GgufFile.GgufFormatException.class, () -> GgufFile.read(empty)).getMessage());
    }

    @Test
    void rejectsUnknownVersionsAndCorruptCounts() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GGUF".getBytes()).putInt(9).putLong(0).putLong(0);
        Path v9 = Files.write(dir.resolve("v9.gguf"), b.array());
        assertEquals("uses GGUF version 9, caro reads versions 2 and 3",
                assertThrows(GgufFile.GgufFormatException.class, () -> GgufFile.read(v9)).getMessage());
        b.clear();
        b.put("GGUF".getBytes()).putInt(3).putLong(Long.MAX_VALUE).putLong(0);
        Path huge = Files.write(dir.resolve("huge.gguf"), b.array());
        assertEquals("has a corrupt header (tensor or key count out of range)",
                assertThrows(GgufFile.GgufFormatException.class, () -> GgufFile.read(huge)).getMessage());
    }

    @Test
    void truncatedHeaderIsSaidSo() throws Exception {
        byte[] full = Files.readAllBytes(TinyLlamaModel.write(dir.resolve("m.gguf"), 1));
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(full, 500));
        assertEquals("is truncated inside its header",
                assertThrows(GgufFile.GgufFormatException.class, () -> GgufFile.read(cut)).getMessage());
        assertTrue(GgufFile.hasMagic(cut));
    }
}
