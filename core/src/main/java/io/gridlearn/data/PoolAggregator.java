package io.gridlearn.data;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;

/**
 * The aggregator that {@link MemberPasses} hands to {@code IMap.aggregate}: it carries only the pass's id, so
 * Hazelcast's per-partition clones cost a few bytes, and adds each block to its JVM's {@link MemberPool}. Its own
 * statistic is the number of blocks it could not add because the pass was not open in its JVM (a member that
 * joined after the pass was opened); the caller then runs the pass again.
 */
public final class PoolAggregator extends BlockPassAggregator<PoolAggregator> {
    private static final long serialVersionUID = 1L;

    /** The pass's id: the key of the pools this aggregator's blocks go to. */
    private long pass;
    /** Blocks seen where the pass was not open (so added to no pool). */
    private long missed;

    /** For deserialization. */
    public PoolAggregator() {
    }

    /**
     * @param pass the pass's id
     */
    PoolAggregator(long pass) {
        this.pass = pass;
    }

    /**
     * Blocks seen where the pass was not open.
     *
     * @return the count; 0 when every block went to a pool
     */
    long missed() {
        return missed;
    }

    @Override
    protected void accumulateBlock(RowBlock block) {
        if (!MemberPool.accumulate(pass, block)) {
            missed++;
        }
    }

    @Override
    protected void combineStatistic(PoolAggregator other) {
        missed += other.missed;
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.POOL_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeLong(pass);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        pass = in.readLong();
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeLong(missed);
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        missed = in.readLong();
    }
}
