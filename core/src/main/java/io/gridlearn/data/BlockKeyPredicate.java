package io.gridlearn.data;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;

import java.io.IOException;
import java.util.Map;

/**
 * Accepts the block-map entries whose key is in a {@link BlockIds} set, by binary search over its ranges.
 * Every pass filters by the block ids named in the schema it started from: blocks an append or a
 * replacement has written but not yet published, and blocks a removal has unpublished but not yet deleted,
 * are invisible to it. It reads only the key, so on {@code OBJECT} maps no block is copied or deserialized.
 */
public final class BlockKeyPredicate implements Predicate<Integer, RowBlock>, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** The set's range bounds, from₀, to₀, from₁, to₁, … ({@link BlockIds#bounds()}). */
    private int[] bounds;

    /** An empty predicate, for deserialization. */
    public BlockKeyPredicate() {
    }

    BlockKeyPredicate(int[] bounds) {
        this.bounds = bounds.clone();
    }

    @Override
    public boolean apply(Map.Entry<Integer, RowBlock> entry) {
        return BlockIds.contains(bounds, entry.getKey());
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.BLOCK_KEY_PREDICATE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(bounds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        bounds = in.readIntArray();
    }
}
