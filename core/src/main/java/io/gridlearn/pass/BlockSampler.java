package io.gridlearn.pass;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;

import java.util.SortedMap;

/**
 * The per-block half of a sampling pass (k-means‖ candidates, seeded row samples): puts selected rows into
 * {@code out}, keyed by row id. Selection must depend only on the row's id, contents and the sampler's
 * parameters (a hash of row id and seed, never a member-local random stream), so the union of all blocks'
 * samples is the same on any cluster. Samplers run on members: each returns the factory and class id of its own
 * package's {@code DataSerializerHook}.
 */
public interface BlockSampler extends IdentifiedDataSerializable {
    /**
     * Puts the rows of block {@code b} that this sampler selects into {@code out}.
     *
     * @param b          the block, rows in row order
     * @param firstRowId row id of the block's first row ({@code blockId × blockSize}); row {@code i} of the block has
     *                   id {@code firstRowId + i}
     * @param out        the sample, keyed by row id, to which the selected rows are added (each as a new array)
     */
    void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out);
}
