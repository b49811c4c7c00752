package io.gridlearn.data;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import io.gridlearn.GridlearnException;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs one aggregation pass over a dataset so that a member lost mid-pass costs time, not correctness.
 *
 * <p>{@code IMap.aggregate} may throw when a member leaves mid-pass, or — worse — return normally with the
 * partitions the dead member owned simply missing. Every gridlearn aggregator counts the blocks and rows it
 * saw ({@link BlockPassAggregator}, the one counting base); a pass is accepted only when it
 * {@link BlockPassAggregator#covers covers} the schema. Otherwise the pass is run again, from a fresh
 * aggregator, once the backups have been promoted (a short wait). If the grid no longer holds every
 * block (more members died than there are backups), the pass fails at once with a message that says how
 * many blocks are gone — never a result computed from part of the data. Since every merge is exact and
 * in a fixed order, a retried pass gives the same bits as an undisturbed one.
 *
 * <p>A pass reads only the blocks named in the layout of the schema it started from
 * ({@link DatasetSchema#blockPredicate()}), not the whole block map. Blocks a concurrent append or
 * replacement has stored but not yet published, and blocks a removal has unpublished but not yet deleted,
 * share the map; filtering by the layout keeps them out of the pass, so concurrent changes neither cause
 * retries nor leak into the result: the pass computes exactly the dataset its schema describes.
 */
public final class Passes {
    private static final Logger LOG = Logger.getLogger(Passes.class.getName());
    private static final int ATTEMPTS = 5;

    private Passes() {
    }

    /**
     * Runs one aggregation pass over the dataset, retrying until it covers every block.
     *
     * @param catalog the grid's datasets
     * @param schema  the dataset; the pass reads exactly the blocks of its layout
     * @param fresh   makes a new, empty aggregator (called again for each retry)
     * @param <A>     the aggregator type
     * @return the aggregated pass, covering every block and row of {@code schema}
     * @throws io.gridlearn.GridlearnException if blocks are lost for good, this member is shutting down, or no attempt
     *                                         (of 5) covered the dataset
     */
    public static <A extends BlockPassAggregator<A>> A aggregate(DatasetCatalog catalog, DatasetSchema schema,
                                                                Supplier<A> fresh) {
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                A result = catalog.blocks(schema).aggregate(fresh.get(), schema.blockPredicate());
                if (result.covers(schema)) {
                    return result;
                }
                problem = "the pass saw " + result.blocks() + " of " + schema.blocks() + " blocks";
            } catch (HazelcastInstanceNotActiveException e) {
                throw new GridlearnException("this grid member is shutting down: " + e.getMessage(), e);
            } catch (HazelcastException e) {
                problem = "the pass failed: " + e;
            }
            try {
                checkNothingLost(catalog, schema);
            } catch (HazelcastInstanceNotActiveException e) {
                throw new GridlearnException("this grid member is shutting down: " + e.getMessage(), e);
            } catch (HazelcastException e) {
                problem += "; counting the stored blocks failed too: " + e; // members still leaving: retry
            }
            LOG.warning("dataset '" + schema.name() + "': " + problem + "; retrying (attempt " + (attempt + 1) + ")");
            pause(attempt);
        }
        throw new GridlearnException("dataset '" + schema.name() + "': no complete pass after " + ATTEMPTS
                + " attempts (" + problem + "); the grid may be losing members");
    }

    /**
     * Fails with a clear message when blocks are gone for good.
     *
     * @param catalog the grid's datasets
     * @param schema  the dataset
     * @throws io.gridlearn.GridlearnException if the grid holds fewer of its live blocks than the schema names
     */
    public static void checkNothingLost(DatasetCatalog catalog, DatasetSchema schema) {
        long present = catalog.blocks(schema).aggregate(new BlockCountAggregator(), schema.blockPredicate()).blocks();
        if (present < schema.blocks()) {
            throw new GridlearnException("dataset '" + schema.name() + "' lost " + (schema.blocks() - present) + " of "
                    + schema.blocks() + " blocks: more members failed than its backups cover. Nothing was computed "
                    + "from the partial data; reload the dataset.");
        }
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while waiting to retry a pass", e);
        }
    }
}
