package io.gridlearn.pass;

import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.MemberPasses;
import io.gridlearn.data.Passes;
import io.gridlearn.stats.ExactSum;

import java.util.SortedMap;
import java.util.function.Supplier;

/** Passes in the grid, next to the data, retried on member loss ({@link Passes}). */
public final class GridPassRunner implements PassRunner {
    private final DatasetCatalog catalog;
    private final DatasetSchema schema;

    /**
     * @param catalog the catalog in which the dataset's blocks are found
     * @param schema  the dataset (its name, block size and row count)
     */
    public GridPassRunner(DatasetCatalog catalog, DatasetSchema schema) {
        this.catalog = catalog;
        this.schema = schema;
    }

    @Override
    public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
        return Passes.aggregate(catalog, schema, fresh);
    }

    @Override
    public <A extends BlockPassAggregator<A>> A aggregateByMember(Supplier<A> fresh) {
        return MemberPasses.aggregate(catalog, schema, fresh);
    }

    @Override
    public double[] sum(BlockKernel kernel) {
        return Passes.aggregate(catalog, schema, () -> new KernelAggregator(kernel, schema.blockSize())).result();
    }

    @Override
    public ExactSum[] exactSum(BlockKernel kernel) {
        return Passes.aggregate(catalog, schema, () -> new KernelAggregator(kernel, schema.blockSize())).exactSums();
    }

    @Override
    public SortedMap<Long, double[]> sample(BlockSampler sampler) {
        return Passes.aggregate(catalog, schema, () -> new SampleAggregator(sampler, schema.blockSize())).sample();
    }

    @Override
    public long rows() {
        return schema.rows();
    }
}
