package io.gridlearn.data;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import io.gridlearn.GridlearnException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * An aggregation pass that gathers one statistic per member JVM instead of one per partition, for passes whose
 * statistic is large (the tree learners' histograms: nodes × features × bins × 3 longs, megabytes per pass).
 *
 * <p>Why: {@code IMap.aggregate} clones the aggregator by serialization for every partition it scans
 * ({@code AggregationResult.createSubResult} in Hazelcast 5.4 and 5.7: {@code toObject(toData(aggregator))}), so
 * each of the 271 partitions pays for copying the aggregator's settings and for allocating, zeroing and merging its
 * own statistic. Here a pass has three steps:
 * <ol>
 *   <li>open: an executor task on every member ({@link MemberPoolTask}) leaves the pass's aggregator, received
 *       once, in the member JVM's {@link MemberPool}, under a random pass id;</li>
 *   <li>scan: {@code IMap.aggregate} with a {@link PoolAggregator} that carries only the pass id, over the blocks
 *       of the schema's layout; each partition's clone adds its blocks to working copies of the JVM's
 *       aggregator, as many as scan at once;</li>
 *   <li>drain: a second task on every member returns its JVM's merged copies and the ids of the blocks they
 *       added ({@link PoolShare}).</li>
 * </ol>
 * The caller accepts the pass only when the shares' block ids are exactly the dataset's blocks, each once (no
 * block missing, none added twice — as when Hazelcast rescans a partition that migrated mid-scan), their rows
 * are the dataset's, no working copy failed mid-block, and the scan found the pass open wherever it ran.
 * Otherwise the same pass runs once more by {@link Passes#aggregate}, one statistic per partition, with its
 * retries and its checks for lost blocks (Hazelcast itself drops the scan of a partition that migrated, which a
 * pool cannot: blocks it already added stay added); so a member lost or joining mid-fit costs time, never a
 * result from part of the data. The shares are merged by the
 * aggregator's own {@link BlockPassAggregator#combine}, in member order; for the exact merges every pass
 * aggregator makes (integer sums), the result is the same bits as {@link Passes#aggregate} on any number of
 * members. Pools a dead caller never drained are dropped after {@link MemberPool#IDLE_NANOS} idle.
 *
 * <p>Only public Hazelcast API is used for the protocol (an {@link IExecutorService} and
 * {@code IMap.aggregate}); the tasks are gridlearn classes on the members' classpath, so a thin client can run a
 * pass too.
 */
public final class MemberPasses {
    /** The executor of the open and drain tasks. */
    public static final String EXECUTOR = "gridlearn.passes";
    private static final Logger LOG = Logger.getLogger(MemberPasses.class.getName());

    private MemberPasses() {
    }

    /**
     * Runs one pass, one statistic per member JVM; if that attempt is not accepted, the same pass by
     * {@link Passes#aggregate} (one statistic per partition, its own retries and lost-block check).
     *
     * @param catalog the grid's datasets
     * @param schema  the dataset; the pass reads exactly the blocks of its layout
     * @param fresh   makes a new, empty aggregator (called again for the fallback and its retries)
     * @param <A>     the aggregator type
     * @return the merged pass, covering every block and row of {@code schema} once
     * @throws GridlearnException if blocks are lost for good, this member is shutting down, or no attempt of the
     *                            fallback covered the dataset
     */
    public static <A extends BlockPassAggregator<A>> A aggregate(DatasetCatalog catalog, DatasetSchema schema,
                                                                Supplier<A> fresh) {
        if (schema.blocks() == 0) {
            return Passes.aggregate(catalog, schema, fresh); // nothing to pool
        }
        IExecutorService executor = catalog.instance().getExecutorService(EXECUTOR);
        long pass = ThreadLocalRandom.current().nextLong();
        boolean drained = false;
        String problem;
        try {
            A prototype = fresh.get();
            await(executor.submitToAllMembers(new MemberPoolTask(pass, prototype)));
            PoolAggregator scan = catalog.blocks(schema).aggregate(new PoolAggregator(pass), schema.blockPredicate());
            Map<Member, PoolShare> shares = await(executor.submitToAllMembers(new MemberPoolTask(pass, null)));
            drained = true;
            String[] why = new String[1];
            A result = merge(shares, schema, why);
            if (scan.missed() > 0) {
                problem = scan.missed() + " blocks were scanned where the pass was not open";
            } else if (!scan.covers(schema)) {
                problem = "the pass saw " + scan.blocks() + " of " + schema.blocks() + " blocks";
            } else if (result == null) {
                problem = "the members' shares did not hold every block exactly once: " + why[0];
            } else {
                return result;
            }
        } catch (HazelcastInstanceNotActiveException e) {
            throw new GridlearnException("this grid member is shutting down: " + e.getMessage(), e);
        } catch (HazelcastException | ExecutionException e) {
            problem = "the pass failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted during a pass over dataset '" + schema.name() + "'", e);
        }
        if (!drained) {
            try {
                executor.submitToAllMembers(new MemberPoolTask(pass, null)); // best effort; else pools expire
            } catch (HazelcastException e) {
                // members leaving: their pools expire
            }
        }
        // Partitions migrating during the scan are scanned again by Hazelcast, and the blocks already added to a
        // pool cannot be taken out: seen right after members join. The per-partition pass drops such scans itself.
        LOG.warning("dataset '" + schema.name() + "': " + problem + "; running this pass per partition");
        return Passes.aggregate(catalog, schema, fresh);
    }

    private static <T> Map<Member, T> await(Map<Member, Future<T>> replies)
            throws InterruptedException, ExecutionException {
        Map<Member, T> out = new java.util.HashMap<>();
        for (Map.Entry<Member, Future<T>> e : replies.entrySet()) {
            out.put(e.getKey(), e.getValue().get());
        }
        return out;
    }

    /**
     * The shares merged in member order, or null unless their block ids are the schema's blocks, each once, with
     * its rows, and no share is broken; then {@code why[0]} says what was wrong (a block added twice happens when
     * Hazelcast scans a partition again because it migrated during the scan).
     */
    @SuppressWarnings("unchecked")
    static <A extends BlockPassAggregator<A>> A merge(Map<Member, PoolShare> shares, DatasetSchema schema,
                                                     String[] why) {
        List<Map.Entry<Member, PoolShare>> ordered = new ArrayList<>(shares.entrySet());
        ordered.sort(Comparator.comparing(e -> e.getKey().getUuid()));
        A merged = null;
        int[] ids = new int[0];
        for (Map.Entry<Member, PoolShare> e : ordered) {
            PoolShare s = e.getValue();
            if (s == null) {
                continue;
            }
            if (s.broken()) {
                why[0] = "a working copy failed mid-block";
                return null;
            }
            int n = ids.length;
            ids = Arrays.copyOf(ids, n + s.blocks().length);
            System.arraycopy(s.blocks(), 0, ids, n, s.blocks().length);
            A a = (A) s.aggregator();
            if (a == null) {
                continue;
            }
            if (merged == null) {
                merged = a;
            } else {
                merged.combine(a);
            }
        }
        Arrays.sort(ids);
        int twice = 0;
        int first = -1;
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                twice++;
                first = first < 0 ? ids[i] : first;
            }
        }
        if (twice > 0) {
            why[0] = twice + " blocks were added twice (the first: block " + first + ") of " + ids.length
                    + " added for " + schema.blocks();
            return null;
        }
        if (ids.length != schema.blocks() || (merged == null ? schema.rows() != 0 : !merged.covers(schema))) {
            why[0] = ids.length + " of " + schema.blocks() + " blocks were added";
            return null;
        }
        return merged == null ? null : merged.aggregate();
    }
}
