package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Physical core count, because llama.cpp generates fastest with one thread per physical core;
 * hyper-threads only compete for the same memory bandwidth.
 */
final class CpuTopology {

    private CpuTopology() {}

    /** Physical cores usable by this process, at least 1. */
    static int physicalCores() {
        int logical = Runtime.getRuntime().availableProcessors();
        int physical = fromCpuInfo(Path.of("/proc/cpuinfo"));
        // In a container the JVM's count honours CPU quotas while /proc/cpuinfo shows the host.
        return physical > 0 ? Math.max(1, Math.min(physical, logical)) : Math.max(1, logical);
    }

    /** Distinct (physical id, core id) pairs in a Linux cpuinfo file; 0 when it cannot tell. */
    static int fromCpuInfo(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return 0;
        }
        try {
            return countCores(Files.readAllLines(cpuinfo));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static int countCores(List<String> lines) {
        Set<String> cores = new HashSet<>();
        String physicalId = "0";
        String coreId = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                if (coreId != null) {
                    cores.add(physicalId + "/" + coreId);
                }
                physicalId = "0";
                coreId = null;
            } else if (colon > 0) {
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (key.equals("physical id")) {
                    physicalId = value;
                } else if (key.equals("core id")) {
                    coreId = value;
                }
            }
        }
        if (coreId != null) {
            cores.add(physicalId + "/" + coreId);
        }
        return cores.size();
    }
}
