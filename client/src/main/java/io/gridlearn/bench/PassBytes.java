package io.gridlearn.bench;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bytes one linear pass sends back to the caller (BENCHMARKS.md table 4), at each of the settings' row counts.
 * The aggregation runs once per member and each member returns one partial aggregator, serialized; so besides
 * the estimate (the merged result's size times the number of members) this also serializes each member's actual
 * partial (the member's own blocks, accumulated here from {@code localKeySet()}) and sums them. The caller's own
 * partial does not cross the network, so the sum is an upper bound on what travels. Measured because a pass's
 * traffic should not grow with the rows (O(members × d²)): two row counts show whether it does.
 */
final class PassBytes {
    private final BenchmarkSettings settings;
    private final BenchReport report;

    PassBytes(BenchmarkSettings settings, BenchReport report) {
        this.settings = settings;
        this.report = report;
    }

    /**
     * Measures the cholesky, qr and both refinement passes on {@code full} and on datasets of its first n rows
     * (written from {@code data}, dropped afterwards); {@code beta} is the point the refinement passes refine.
     */
    void measure(List<HazelcastInstance> members, DatasetCatalog catalog, DatasetSchema full, double[] data,
                 double[] beta) {
        SerializationService ss = ((SerializationServiceSupport) members.get(0)).getSerializationService();
        List<Map<String, Object>> out = new ArrayList<>();
        for (long n : settings.bytesRows()) {
            DatasetSchema schema = n == full.rows() ? full
                    : SyntheticData.writeBlocks(catalog, "bench-" + n, data, (int) n, settings.features(),
                    settings.blockSize());
            for (String kind : List.of("cholesky", "qr", "qr-light-refinement", "qr-refinement")) {
                Supplier<Aggregator<Map.Entry<Integer, RowBlock>, ?>> fresh = switch (kind) {
                    case "cholesky" -> () -> LinearPasses.fit(schema, false);
                    case "qr" -> () -> LinearPasses.fit(schema, true);
                    case "qr-light-refinement" -> () -> LinearPasses.refinement(schema, beta, false);
                    default -> () -> LinearPasses.refinement(schema, beta, true);
                };
                Object merged = catalog.blocks(schema).aggregate(fresh.get());
                long mergedBytes = ss.toData(merged).totalSize();
                long perMemberSum = 0;
                List<Long> perMember = new ArrayList<>();
                List<Integer> localBlocks = new ArrayList<>();
                for (HazelcastInstance h : members) {
                    IMap<Integer, RowBlock> local = h.getMap(schema.mapName());
                    Aggregator<Map.Entry<Integer, RowBlock>, ?> partial = fresh.get();
                    if (partial instanceof HazelcastInstanceAware aware) {
                        aware.setHazelcastInstance(h); // as the member's managed context does when it deserializes one
                    }
                    int count = 0;
                    for (Integer key : local.localKeySet()) {
                        partial.accumulate(Map.entry(key, local.get(key)));
                        count++;
                    }
                    long size = ss.toData(partial.aggregate()).totalSize();
                    perMember.add(size);
                    localBlocks.add(count);
                    perMemberSum += size;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rows", n);
                row.put("blocks", schema.blocks());
                row.put("pass", kind);
                row.put("mergedResultBytes", mergedBytes);
                row.put("estimateMergedTimesMembers", mergedBytes * members.size());
                row.put("perMemberPartialBytes", perMember);
                row.put("perMemberOwnedBlocks", localBlocks);
                row.put("sumOfPerMemberPartials", perMemberSum);
                out.add(row);
            }
            if (schema != full) {
                catalog.drop(schema.name());
            }
        }
        report.detail("bytesPerPass", out);
    }
}
