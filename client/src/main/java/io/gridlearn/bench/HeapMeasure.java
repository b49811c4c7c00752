package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.LocalMapStats;
import io.gridlearn.data.DatasetSchema;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Heap bytes per stored value per copy, measured with the JVM's own heap figures rather than estimated: all
 * members live in this JVM, so the used heap after a full collection, after minus before a load, is what the
 * grid holds for that dataset. Hazelcast's own map statistics are recorded beside it; for the {@code OBJECT}
 * format they report no entry costs (5.4), which a note says. Measured because memory, not CPU, bounds how much
 * data a grid holds: the target is at most 8.5 bytes per value per copy (a double is 8).
 */
final class HeapMeasure {
    private HeapMeasure() {
    }

    /** Used heap after three {@code System.gc()} calls 200 ms apart. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Records {@code bytesPerValue} = heap growth ÷ (rows × stored columns × copies), copies = 1 + backups, at most
     * the number of members (one member holds no backups), and the map statistics.
     */
    static void record(BenchReport report, List<HazelcastInstance> members, DatasetSchema schema, int backups,
                       long heapBefore, long heapAfter) {
        long copies = Math.min(1 + backups, members.size());
        double values = (double) schema.rows() * schema.columns().size() * copies;
        long owned = 0;
        long backup = 0;
        long heapCost = 0;
        for (HazelcastInstance h : members) {
            LocalMapStats st = h.getMap(schema.mapName()).getLocalMapStats();
            owned += st.getOwnedEntryMemoryCost();
            backup += st.getBackupEntryMemoryCost();
            heapCost += st.getHeapCost();
        }
        report.detail("bytesPerValue", (heapAfter - heapBefore) / values);
        report.detail("bytesPerValueMeasure", "MemoryMXBean used heap after System.gc(), after minus before the "
                + "measured CsvLoader.load, divided by rows × stored columns × copies (1 + backupCount, at most the "
                + "members); all members are in this JVM");
        report.detail("heapGrowthBytes", heapAfter - heapBefore);
        report.detail("storedValuesAllCopies", values);
        report.detail("ownedEntryMemoryCost", owned);
        report.detail("backupEntryMemoryCost", backup);
        report.detail("mapHeapCost", heapCost);
        if (owned + backup > 0) {
            report.detail("bytesPerValueFromMapStats", (owned + backup) / values);
        } else {
            report.note("Hazelcast reports ownedEntryMemoryCost = backupEntryMemoryCost = 0 for the OBJECT in-memory "
                    + "format (heapCost " + heapCost + "), so bytes per value come from the heap measure only");
        }
    }
}
