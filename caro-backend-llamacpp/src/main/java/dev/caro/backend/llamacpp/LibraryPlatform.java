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

    /** Enough for the headers read here, Mach-O load commands included. */
    private static final int HEADER_BYTES = 65536;

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
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
            size = Files.size(file);
        } catch (IOException e) {
            throw new IOException("unreadable (" + e.getMessage() + ")", e);
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        if (head.length >= 0x40 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            b.order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            boolean is64 = head[4] == 2;
            // The section header table ends the file, so a cut file ends before it does.
            long sectionTableEnd = is64
                    ? b.getLong(0x28) + (long) Short.toUnsignedInt(b.getShort(0x3a)) * Short.toUnsignedInt(b.getShort(0x3c))
                    : Integer.toUnsignedLong(b.getInt(0x20))
                            + (long) Short.toUnsignedInt(b.getShort(0x2e)) * Short.toUnsignedInt(b.getShort(0x30));
            checkComplete(size, sectionTableEnd);
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
                checkComplete(size, machOSegmentsEnd(b, littleEndianMagic == 0xFEEDFACF));
                return new LibraryPlatform("Mac", List.of(machOCpu(b.getInt(4))));
            }
        }
        if (head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
            return readPe(b.order(ByteOrder.LITTLE_ENDIAN), size);
        }
        throw new IOException("not a native library (no ELF, Mach-O or PE header)");
    }

    private static LibraryPlatform readPe(ByteBuffer b, long size) throws IOException {
        int pe = b.getInt(0x3c);
        if (pe < 0 || pe + 6 > b.limit() || b.getInt(pe) != 0x00004550) { // "PE\0\0"
            throw new IOException("not a native library (an MZ file without a PE header)");
        }
        int machine = Short.toUnsignedInt(b.getShort(pe + 4));
        int sections = Short.toUnsignedInt(b.getShort(pe + 6));
        int table = pe + 24 + Short.toUnsignedInt(b.getShort(pe + 20));
        long end = 0;
        for (int i = 0; i < sections && table + i * 40 + 24 <= b.limit(); i++) {
            end = Math.max(end, Integer.toUnsignedLong(b.getInt(table + i * 40 + 20))
                    + Integer.toUnsignedLong(b.getInt(table + i * 40 + 16)));
        }
        checkComplete(size, end);
        String cpu = switch (machine) {
            case 0x8664 -> "x86_64";
            case 0x014c -> "x86";
            case 0xaa64 -> "aarch64";
            case 0x01c4 -> "arm";
            default -> "machine 0x" + Integer.toHexString(machine);
        };
        return new LibraryPlatform("Windows", List.of(cpu));
    }

    /** The end of the last segment a thin Mach-O file maps, from its load commands. */
    private static long machOSegmentsEnd(ByteBuffer b, boolean is64) {
        int commands = b.getInt(16);
        int at = is64 ? 32 : 28;
        long end = 0;
        for (int i = 0; i < commands && at + 8 <= b.limit(); i++) {
            int cmd = b.getInt(at);
            int cmdSize = b.getInt(at + 4);
            if (cmd == 0x19 && at + 56 <= b.limit()) { // LC_SEGMENT_64: fileoff, filesize
                end = Math.max(end, b.getLong(at + 40) + b.getLong(at + 48));
            } else if (cmd == 0x1 && at + 44 <= b.limit()) { // LC_SEGMENT
                end = Math.max(end, Integer.toUnsignedLong(b.getInt(at + 32)) + Integer.toUnsignedLong(b.getInt(at + 36)));
            }
            if (cmdSize <= 0) {
                break;
            }
            at += cmdSize;
        }
        return end;
    }

    /** A library cut short (an interrupted copy) would fail to link, and the binding would then load another. */
    private static void checkComplete(long size, long needed) throws IOException {
        if (needed > size) {
            throw new IOException("cut short: " + size + " bytes, where its header describes " + needed);
        }
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
