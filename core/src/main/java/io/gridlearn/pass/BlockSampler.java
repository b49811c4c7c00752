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
    void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out);
}
