package io.gridlearn.pass;

import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;

/**
 * The per-block half of an iterative learner's pass: adds one block's contribution to a fixed-width vector
 * of sums (a gradient and packed Hessian, per-cluster sums and counts, per-class moments, …).
 *
 * <p>Contract: {@link #accumulate} must depend only on the block's contents and the kernel's parameters, and
 * visit rows in row order, so that a block's partial vector is the same bits wherever it is computed. The
 * runner adds every block's partial <em>exactly</em> ({@link io.gridlearn.stats.ExactSum}) and rounds once,
 * which makes the pass's result independent of cluster size and merge order. Kernels run on members, so
 * they are {@link IdentifiedDataSerializable}: each returns the factory and class id of its own package's
 * {@code DataSerializerHook} (for example {@code io.gridlearn.kmeans.KmeansSerializerHook}).
 */
public interface BlockKernel extends IdentifiedDataSerializable {
    /**
     * Length of the vector of sums.
     *
     * @return the number of entries every partial vector has, fixed by the kernel's parameters
     */
    int width();

    /**
     * Adds block {@code b}'s contribution to {@code partial} (zeroed by the caller, length {@link #width()}).
     *
     * @param b          the block, rows in row order
     * @param firstRowId row id of the block's first row ({@code blockId × blockSize}), for row-id hashing
     * @param partial    the block's partial vector, added to in place
     */
    void accumulate(RowBlock b, long firstRowId, double[] partial);
}
