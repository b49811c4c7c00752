package io.gridlearn.pass;

import java.util.SortedMap;

/**
 * Runs passes of an iterative learner over one dataset: in the grid ({@code GridPassRunner}, next to the
 * data, retried on member loss) or over blocks in memory ({@link LocalPassRunner}, the single-JVM reference).
 * Both give the same bits for the same blocks.
 */
public interface PassRunner {
    /** Σ over blocks of each block's partial vector, summed exactly and rounded once. */
    double[] sum(BlockKernel kernel);

    /** The union of every block's sample, ordered by row id. */
    SortedMap<Long, double[]> sample(BlockSampler sampler);

    /** Rows in the dataset. */
    long rows();
}
