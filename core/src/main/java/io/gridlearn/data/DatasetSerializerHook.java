package io.gridlearn.data;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.data}:
 * the block-key predicate every pass filters the block map with, and the aggregator that counts a
 * dataset's blocks and rows. Both are evaluated on members against the data maps, so they travel with each
 * query.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class DatasetSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.DATA_FACTORY_ID;

    /** {@link BlockKeyPredicate}. */
    public static final int BLOCK_KEY_PREDICATE = 1;
    /** {@link BlockCountAggregator}. */
    public static final int BLOCK_COUNT_AGGREGATOR = 2;
    /** {@link HeapTask}. */
    public static final int HEAP_TASK = 3;
    /** {@link PoolAggregator}. */
    public static final int POOL_AGGREGATOR = 4;
    /** {@link MemberPoolTask}. */
    public static final int MEMBER_POOL_TASK = 5;
    /** {@link PoolShare}. */
    public static final int POOL_SHARE = 6;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case BLOCK_KEY_PREDICATE -> new BlockKeyPredicate();
            case BLOCK_COUNT_AGGREGATOR -> new BlockCountAggregator();
            case HEAP_TASK -> new HeapTask();
            case POOL_AGGREGATOR -> new PoolAggregator();
            case MEMBER_POOL_TASK -> new MemberPoolTask();
            case POOL_SHARE -> new PoolShare();
            default -> null;
        };
    }

    /**
     * One instance of each of this package's pass types, for the serialization tests.
     *
     * @return a pooled pass's aggregator, its open and drain tasks, and a share
     */
    public static java.util.List<com.hazelcast.nio.serialization.IdentifiedDataSerializable> examples() {
        return java.util.List.of(new PoolAggregator(7), new MemberPoolTask(7, new PoolAggregator(7)),
                new MemberPoolTask(7, null), new PoolShare(new int[] {1, 4}, false, new PoolAggregator(7)));
    }
}
