package io.gridlearn.data;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Map;

/**
 * Counts blocks and rows, next to the data: how many rows a set of blocks holds (a removal needs it for the
 * new schema's row count) and whether every one of them is still stored.
 */
public final class BlockCountAggregator implements Aggregator<Map.Entry<Integer, RowBlock>, BlockCountAggregator>,
        IdentifiedDataSerializable, PassCounts {
    private static final long serialVersionUID = 1L;

    private long blocks;
    private long rows;

    public BlockCountAggregator() {
    }

    @Override
    public void accumulate(Map.Entry<Integer, RowBlock> entry) {
        blocks++;
        rows += entry.getValue().rows();
    }

    @Override
    public void combine(Aggregator aggregator) {
        BlockCountAggregator o = (BlockCountAggregator) aggregator;
        blocks += o.blocks;
        rows += o.rows;
    }

    @Override
    public BlockCountAggregator aggregate() {
        return this;
    }

    @Override
    public long blocks() {
        return blocks;
    }

    @Override
    public long rows() {
        return rows;
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
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(blocks);
        out.writeLong(rows);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        blocks = in.readLong();
        rows = in.readLong();
    }
}
