package io.gridlearn.data;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.GridlearnException;

import java.io.IOException;
import java.util.Map;

/**
 * The one counting and coverage base of every aggregation pass over a dataset's blocks.
 *
 * <p>It owns what every pass repeats, so that a subclass holds only its own statistic:
 * <ul>
 *   <li>counting: {@link #accumulate} adds 1 to the blocks seen and the block's row count to the rows seen,
 *       then hands the block to {@link #accumulateBlock}; {@link #combine} adds the other instance's two counts
 *       (integer addition: exact and independent of the merge order), then calls {@link #combineStatistic};</li>
 *   <li>the wire form, symmetric by construction: {@link #writeData} writes the subclass's settings
 *       ({@link #writeSettings}), the two counts, then its statistic ({@link #writeStatistic}); {@link #readData}
 *       reads them back in the same order. A subclass cannot forget the counts or write them in a different
 *       place on the two sides;</li>
 *   <li>coverage: {@link #covers} is true when the pass saw exactly the schema's blocks and rows, and
 *       {@link #checkComplete} is the single "lost blocks" failure for a pass that did not.</li>
 * </ul>
 *
 * <p>Why the counts exist: {@code IMap.aggregate} does not fail when members holding the only copy of some
 * partitions die mid-pass; it returns a partial result (measured: 655,360 of 1,003,520 rows). So every pass
 * counts the blocks and rows it saw and {@link Passes} accepts a result only when it {@link #covers} the
 * dataset, retrying otherwise.
 *
 * <p>Merge contract for subclasses: {@link #accumulateBlock} must depend only on the block (and the
 * aggregator's settings), and {@link #combineStatistic} must make the result independent of how blocks were
 * split among instances and of the order instances were combined in (exact sums, min/max, or an order fixed by
 * block and partition ids, as the QR pass's {@code RFactorGroups}). Then running the same aggregator over the
 * blocks in one JVM, in ascending block id ({@code io.gridlearn.pass.LocalPassRunner#aggregate}), gives the
 * bits of the grid on any number of members.
 *
 * <p>Hazelcast ids are not this class's business: each subclass keeps the factory and class id of its own
 * package's {@code DataSerializerHook}.
 *
 * @param <A> the concrete aggregator (its own result)
 */
public abstract class BlockPassAggregator<A extends BlockPassAggregator<A>>
        implements Aggregator<Map.Entry<Integer, RowBlock>, A>, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** Blocks seen by this instance and those combined into it. */
    private long blocks;
    /** Rows seen by this instance and those combined into it. */
    private long rows;

    /** For subclasses. */
    protected BlockPassAggregator() {
    }

    /**
     * Counts the block and adds it to the statistic.
     *
     * @param entry a block of the dataset, keyed by its block id
     */
    @Override
    public final void accumulate(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        blocks++;
        rows += b.rows();
        accumulateBlock(b);
    }

    /**
     * Adds one block to this pass's own statistic (the counts are already done).
     *
     * @param block the block
     */
    protected abstract void accumulateBlock(RowBlock block);

    /**
     * Adds another instance's counts, then its statistic.
     *
     * @param aggregator an instance of the same class, from another partition or member
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public final void combine(Aggregator aggregator) {
        A o = (A) aggregator;
        BlockPassAggregator<?> counts = o;
        blocks += counts.blocks;
        rows += counts.rows;
        combineStatistic(o);
    }

    /**
     * Merges another instance's statistic into this one's (the counts are already done).
     *
     * @param other an instance of the same class
     */
    protected abstract void combineStatistic(A other);

    /**
     * The result: this instance. Subclasses that finish lazily-built state override it and return {@link #self()}.
     *
     * @return this aggregator
     */
    @Override
    public A aggregate() {
        return self();
    }

    /**
     * This instance as its concrete type.
     *
     * @return {@code this}
     */
    @SuppressWarnings("unchecked")
    protected final A self() {
        return (A) this;
    }

    /**
     * Blocks seen by this instance and those combined into it.
     *
     * @return the block count
     */
    public final long blocks() {
        return blocks;
    }

    /**
     * Rows seen by this instance and those combined into it.
     *
     * @return the row count
     */
    public final long rows() {
        return rows;
    }

    /**
     * Whether the pass saw the whole dataset: exactly its blocks and its rows.
     *
     * @param schema the dataset the pass ran over
     * @return true when both counts equal the schema's
     */
    public final boolean covers(DatasetSchema schema) {
        return blocks == schema.blocks() && rows == schema.rows();
    }

    /**
     * Fails unless the pass {@link #covers} the dataset.
     *
     * @param schema the dataset the pass ran over
     * @throws GridlearnException naming the blocks lost
     */
    public final void checkComplete(DatasetSchema schema) {
        checkComplete(schema, blocks, rows);
    }

    /**
     * The "lost blocks" failure, for passes counted by other means (an entry processor's results).
     *
     * @param schema     the dataset the pass ran over
     * @param blocksSeen blocks the pass saw
     * @param rowsSeen   rows the pass saw
     * @throws GridlearnException when either count differs from the schema's
     */
    public static void checkComplete(DatasetSchema schema, long blocksSeen, long rowsSeen) {
        if (blocksSeen != schema.blocks() || rowsSeen != schema.rows()) {
            throw new GridlearnException("dataset '" + schema.name() + "' is incomplete: the pass saw " + blocksSeen
                    + " of " + schema.blocks() + " blocks (" + rowsSeen + " of " + schema.rows() + " rows); "
                    + (schema.blocks() - blocksSeen) + " blocks were lost with members that held them and their "
                    + "backups. Nothing was computed from the partial data; reload the dataset.");
        }
    }

    /**
     * Writes the settings, the counts, then the statistic.
     *
     * @param out the stream
     * @throws IOException on a write error
     */
    @Override
    public final void writeData(ObjectDataOutput out) throws IOException {
        writeSettings(out);
        out.writeLong(blocks);
        out.writeLong(rows);
        writeStatistic(out);
    }

    /**
     * Reads what {@link #writeData} wrote, in the same order.
     *
     * @param in the stream
     * @throws IOException on a read error
     */
    @Override
    public final void readData(ObjectDataInput in) throws IOException {
        readSettings(in);
        blocks = in.readLong();
        rows = in.readLong();
        readStatistic(in);
    }

    /**
     * Writes what the pass was built with (columns, kernel, grouping, …); nothing by default.
     *
     * @param out the stream
     * @throws IOException on a write error
     */
    protected void writeSettings(ObjectDataOutput out) throws IOException {
    }

    /**
     * Reads what {@link #writeSettings} wrote; nothing by default.
     *
     * @param in the stream
     * @throws IOException on a read error
     */
    protected void readSettings(ObjectDataInput in) throws IOException {
    }

    /**
     * Writes the statistic gathered so far (after the counts).
     *
     * @param out the stream
     * @throws IOException on a write error
     */
    protected abstract void writeStatistic(ObjectDataOutput out) throws IOException;

    /**
     * Reads what {@link #writeStatistic} wrote (the settings are already read).
     *
     * @param in the stream
     * @throws IOException on a read error
     */
    protected abstract void readStatistic(ObjectDataInput in) throws IOException;
}
