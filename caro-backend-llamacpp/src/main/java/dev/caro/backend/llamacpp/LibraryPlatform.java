package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating system and CPUs a native library file was built for, read from its ELF, Mach-O or
 * PE header. Checked before the binding loads a library: given one for another platform, the
 * binding prints a warning and silently loads a different library instead.
 *
 * @param os {@code Linux}, {@code Mac} or {@code Windows}, as the binding names its folders
 * @param cpus the CPUs in the file, named as the binding names its folders ({@code x86_64},
 *     {@code aarch64}, {@code x86}); a macOS universal library holds several
 */
record LibraryPlatform(String os, List<String> cpus) {

    /** Enough for every header read here; a PE header may start further in, see {@link #readPe}. */
    private static final int HEADER_BYTES = 4096;

    LibraryPlatform {
        cpus = List.copyOf(cpus);
    }

    /**
     * Reads {@code file}'s header.
     *
     * @throws IOException when the file cannot be read or is not an ELF, Mach-O or PE library
     */
    static LibraryPlatform read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new IOException("unreadable (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        if (head.length >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            b.order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            return new LibraryPlatform("Linux", List.of(elfMachine(Short.toUnsignedInt(b.getShort(18)))));
        }
        if (head.length >= 8) {
            int bigEndianMagic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (bigEndianMagic == 0xCAFEBABE) { // a universal (fat) Mach-O: a table of slices
                int count = b.getInt(4); // a Java class file has the same magic, then a version above 40
                List<String> cpus = new ArrayList<>();
                for (int i = 0; count <= 16 && i < count && 8 + i * 20 + 4 <= head.length; i++) {
                    cpus.add(machOCpu(b.getInt(8 + i * 20)));
                }
                if (!cpus.isEmpty()) {
                    return new LibraryPlatform("Mac", cpus);
                }
            }
            int littleEndianMagic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (littleEndianMagic == 0xFEEDFACF || littleEndianMagic == 0xFEEDFACE) {
                return new LibraryPlatform("Mac", List.of(machOCpu(b.getInt(4))));
            }
        }
        if (head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
            return readPe(b.order(ByteOrder.LITTLE_ENDIAN));
        }
        throw new IOException("not a native library (no ELF, Mach-O or PE header)");
    }

    private static LibraryPlatform readPe(ByteBuffer b) throws IOException {
        int pe = b.getInt(0x3c);
        if (pe < 0 || pe + 6 > b.limit() || b.getInt(pe) != 0x00004550) { // "PE\0\0"
            throw new IOException("not a native library (an MZ file without a PE header)");
        }
        int machine = Short.toUnsignedInt(b.getShort(pe + 4));
        String cpu = switch (machine) {
            case 0x8664 -> "x86_64";
            case 0x014c -> "x86";
            case 0xaa64 -> "aarch64";
            case 0x01c4 -> "arm";
            default -> "machine 0x" + Integer.toHexString(machine);
        };
        return new LibraryPlatform("Windows", List.of(cpu));
    }

    private static String elfMachine(int machine) {
        return switch (machine) {
            case 0x3e -> "x86_64";
            case 0xb7 -> "aarch64";
            case 0x03 -> "x86";
            case 0x28 -> "arm";
            case 0xf3 -> "riscv";
            case 0x15 -> "ppc64";
            case 0x16 -> "s390x";
            default -> "machine 0x" + Integer.toHexString(machine);
        };
    }

    private static String machOCpu(int type) {
        return switch (type) {
            case 0x01000007 -> "x86_64";
            case 0x0100000c -> "aarch64";
            case 0x00000007 -> "x86";
            case 0x0000000c -> "arm";
            default -> "cpu type 0x" + Integer.toHexString(type);
        };
    }

    /** Whether the library runs on the platform the binding calls {@code folder}, e.g. {@code Linux/x86_64}. */
    boolean runsOn(String folder) {
        int slash = folder.indexOf('/');
        return folder.substring(0, slash).equals(os) && cpus.contains(folder.substring(slash + 1));
    }

    /** For messages: {@code Linux aarch64}, {@code Mac x86_64+aarch64}. */
    @Override
    public String toString() {
        return os + " " + String.join("+", cpus);
    }
}
