package io.gridlearn.data;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

/**
 * Counts blocks and rows, next to the data, and nothing else: how many rows a set of blocks holds (a removal
 * needs it for the new schema's row count) and whether every one of them is still stored. The counting is
 * the base's ({@link BlockPassAggregator}); this pass has no statistic of its own. It stays in {@code data} (and
 * off the kernel engine of {@code io.gridlearn.pass}, which builds on {@code data}) because the pass guard
 * ({@link Passes#checkNothingLost}) and dataset edits need it below the engine.
 */
public final class BlockCountAggregator extends BlockPassAggregator<BlockCountAggregator> {
    private static final long serialVersionUID = 1L;

    /** An empty count. */
    public BlockCountAggregator() {
    }

    @Override
    protected void accumulateBlock(RowBlock block) {
    }

    @Override
    protected void combineStatistic(BlockCountAggregator other) {
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.BLOCK_COUNT_AGGREGATOR;
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) {
    }

    @Override
    protected void readStatistic(ObjectDataInput in) {
    }
}
