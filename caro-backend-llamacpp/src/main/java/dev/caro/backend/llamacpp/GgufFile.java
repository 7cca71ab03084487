package dev.caro.backend.llamacpp;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a GGUF file: metadata and tensor table, read without loading any weights.
 * llama.cpp answers every broken file with the same "could not load model", so caro reads the
 * header itself to tell a truncated download from a wrong file.
 *
 * @param version GGUF format version (2 or 3)
 * @param metadata scalar and string values; arrays are recorded as {@link ArrayInfo}
 * @param tensors the tensor table in file order
 * @param dataOffset where tensor data starts, from the beginning of the file
 * @param fileSize the size of the file when it was read
 */
record GgufFile(int version, Map<String, Object> metadata, List<Tensor> tensors, long dataOffset, long fileSize) {

    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int

    /** One tensor: name, dimensions (innermost first), ggml type id and offset inside the data. */
    record Tensor(String name, long[] dims, int type, long offset) {

        long elements() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }

        /** Bytes of data, or -1 when the type's block layout is not known to caro. */
        long byteSize() {
            int[] layout = GgmlTypes.layout(type);
            if (layout == null) {
                return -1;
            }
            return elements() / layout[0] * layout[1];
        }
    }

    /** An array value: its element type and length (elements are skipped). */
    record ArrayInfo(int elementType, long length) {}

    /** A string metadata value, if present. */
    Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** An integer metadata value, if present. */
    Optional<Long> integer(String key) {
        return metadata.get(key) instanceof Number n && !(metadata.get(key) instanceof Double)
                && !(metadata.get(key) instanceof Float) ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** {@code general.architecture}, e.g. {@code llama} or {@code qwen2}; empty string if absent. */
    String architecture() {
        return string("general.architecture").orElse("");
    }

    /** The context length the model was trained with, if it says. */
    Optional<Long> contextLength() {
        return integer(architecture() + ".context_length");
    }

    /** The Jinja chat template stored in the file, if any. */
    Optional<String> chatTemplate() {
        return string("tokenizer.chat_template");
    }

    /**
     * Where the last tensor's data ends, i.e. the smallest size a complete file can have; -1 if a
     * tensor type is unknown to caro.
     */
    long expectedMinimumSize() {
        long end = dataOffset;
        for (Tensor t : tensors) {
            long size = t.byteSize();
            if (size < 0) {
                return -1;
            }
            end = Math.max(end, dataOffset + t.offset() + size);
        }
        return end;
    }

    /** Whether the first four bytes of {@code file} are the GGUF magic. Reads 4 bytes. */
    static boolean hasMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'G' && b[1] == 'G' && b[2] == 'U' && b[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the header.
     *
     * @throws GgufFormatException when the file is not GGUF, is truncated inside the header or
     *     has values no real model has
     */
    static GgufFile read(Path file) throws IOException, GgufFormatException {
        long size = Files.size(file);
        try (LittleEndian in = new LittleEndian(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int magic;
            try {
                magic = in.int32();
            } catch (EOFException e) {
                throw new GgufFormatException("is empty or shorter than a GGUF header");
            }
            if (magic != MAGIC) {
                throw new GgufFormatException("is not a GGUF file (it does not start with 'GGUF')");
            }
            try {
                int version = in.int32();
                if (version < 2 || version > 3) {
                    throw new GgufFormatException("uses GGUF version " + version + ", caro reads versions 2 and 3");
                }
                long tensorCount = in.int64();
                long kvCount = in.int64();
                if (tensorCount < 0 || tensorCount > 1_000_000 || kvCount < 0 || kvCount > 1_000_000) {
                    throw new GgufFormatException("has a corrupt header (tensor or key count out of range)");
                }
                Map<String, Object> metadata = new LinkedHashMap<>();
                for (long i = 0; i < kvCount; i++) {
                    String key = in.string();
                    int type = in.int32();
                    metadata.put(key, in.value(type));
                }
                List<Tensor> tensors = new ArrayList<>();
                for (long i = 0; i < tensorCount; i++) {
                    String name = in.string();
                    int nDims = in.int32();
                    if (nDims < 1 || nDims > 4) {
                        throw new GgufFormatException("has a corrupt tensor table (" + name + " has " + nDims + " dimensions)");
                    }
                    long[] dims = new long[nDims];
                    for (int d = 0; d < nDims; d++) {
                        dims[d] = in.int64();
                    }
                    tensors.add(new Tensor(name, dims, in.int32(), in.int64()));
                }
                long alignment = metadata.get("general.alignment") instanceof Number n ? n.longValue() : 32;
                if (alignment <= 0) {
                    throw new GgufFormatException("has a corrupt header (alignment " + alignment + ")");
                }
                long dataOffset = (in.position() + alignment - 1) / alignment * alignment;
                return new GgufFile(version, metadata, List.copyOf(tensors), dataOffset, size);
            } catch (EOFException e) {
                throw new GgufFormatException("is truncated inside its header");
            }
        }
    }

    /** The file is not a usable GGUF model; the message completes "The file …". */
    static final class GgufFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        GgufFormatException(String message) {
            super(message);
        }
    }

    /** Little-endian reads with a position counter and sanity limits against corrupt lengths. */
    private static final class LittleEndian implements AutoCloseable {
        private static final int MAX_STRING = 64 << 20;
        private final InputStream in;
        private long position;

        LittleEndian(InputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        private byte[] bytes(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new EOFException();
            }
            position += n;
            return b;
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    s = 1;
                }
                left -= s;
            }
            position += n;
        }

        int int32() throws IOException {
            byte[] b = bytes(4);
            return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        }

        long int64() throws IOException {
            return (int32() & 0xffffffffL) | ((long) int32()) << 32;
        }

        String string() throws IOException, GgufFormatException {
            long len = int64();
            if (len < 0 || len > MAX_STRING) {
                throw new GgufFormatException("has a corrupt header (string of " + len + " bytes)");
            }
            return new String(bytes((int) len), StandardCharsets.UTF_8);
        }

        Object value(int type) throws IOException, GgufFormatException {
            switch (type) {
                case 0: return (long) (bytes(1)[0] & 0xff);
                case 1: return (long) bytes(1)[0];
                case 2: { byte[] b = bytes(2); return (long) ((b[0] & 0xff) | (b[1] & 0xff) << 8); }
                case 3: { byte[] b = bytes(2); return (long) (short) ((b[0] & 0xff) | (b[1] & 0xff) << 8); }
                case 4: return int32() & 0xffffffffL;
                case 5: return (long) int32();
                case 6: return (double) Float.intBitsToFloat(int32());
                case 7: return bytes(1)[0] != 0;
                case 8: return string();
                case 9: return array();
                case 10: case 11: return int64();
                case 12: return Double.longBitsToDouble(int64());
                default: throw new GgufFormatException("has a corrupt header (value type " + type + ")");
            }
        }

        private ArrayInfo array() throws IOException, GgufFormatException {
            int elementType = int32();
            long length = int64();
            if (length < 0 || length > 100_000_000) {
                throw new GgufFormatException("has a corrupt header (array of " + length + " elements)");
            }
            int width = switch (elementType) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                default -> 0;
            };
            if (width > 0) {
                skip(length * width);
            } else {
                for (long i = 0; i < length; i++) {
                    value(elementType);
                }
            }
            return new ArrayInfo(elementType, length);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
