package io.gridlearn.bench;

import com.hazelcast.instance.BuildInfoProvider;
import io.gridlearn.simd.Simd;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the figures were measured on: cores, CPU, Java, Hazelcast, heap, collectors, and the load average at
 * the start (ratios are only comparable within one run; the load average says how busy the machine was).
 */
final class MachineInfo {
    private MachineInfo() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("kernelLanes", Simd.lanes().name());
        m.put("hazelcast", BuildInfoProvider.getBuildInfo().getVersion());
        m.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
        m.put("loadAverageAtStart", read("/proc/loadavg").trim());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "n/a"; // not Linux
        }
    }
}
