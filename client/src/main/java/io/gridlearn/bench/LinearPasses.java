package io.gridlearn.bench;

import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.RefinementKernel;
import io.gridlearn.pass.KernelAggregator;

/**
 * The linear solvers' data passes on their own, as {@code LinearTrainer.train} builds them, over the synthetic
 * data's columns ({@code x0 … x{d-1}, y}: z = [x, y] in the file's order): timed alone by {@link LinearJobs},
 * sized by {@link PassBytes}.
 */
final class LinearPasses {
    private LinearPasses() {
    }

    /** The fit pass: exact moments of z, and with {@code qr} each block's R factor, folded per partition. */
    static LinearPassAggregator fit(DatasetSchema schema, boolean qr) {
        return new LinearPassAggregator(zColumns(schema), RowGrouping.NONE, schema.blockSize(), qr, true, null,
                schema.layout());
    }

    /**
     * The QR solver's refinement pass at coefficients {@code beta} (intercept first); {@code withGram} is the full
     * refinement ({@code qr+refinement}), without it the light one. It runs on the pass engine: a
 * {@link KernelAggregator} carrying a {@link RefinementKernel}.
     */
    static KernelAggregator refinement(DatasetSchema schema, double[] beta, boolean withGram) {
        return new KernelAggregator(new RefinementKernel(zColumns(schema), RowGrouping.NONE, schema.blockSize(), true,
                beta, null, withGram), schema.blockSize());
    }

    private static int[] zColumns(DatasetSchema schema) {
        int[] z = new int[schema.columns().size()];
        for (int j = 0; j < z.length; j++) {
            z[j] = j;
        }
        return z;
    }
}
