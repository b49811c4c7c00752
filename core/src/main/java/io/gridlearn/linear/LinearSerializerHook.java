package io.gridlearn.linear;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.linear}:
 * the linear-regression passes (moments, feature means, refinement), the per-block fit and moments
 * entry processors, and the live model's state, which is stored in a map and therefore read by members too.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class LinearSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.LINEAR_FACTORY_ID;

    /** {@link LinearPassAggregator}. */
    public static final int LINEAR_PASS_AGGREGATOR = 1;
    /** {@link BlockFitProcessor}. */
    public static final int BLOCK_FIT_PROCESSOR = 2;
    // 3 was RefinementAggregator, retired when the refinement pass moved onto the pass engine
    // (RefinementKernel, 7): never reuse 3.
    /** {@link LiveState}. */
    public static final int LIVE_STATE = 4;
    /** {@link FeatureMeansAggregator}. */
    public static final int FEATURE_MEANS_AGGREGATOR = 5;
    /** {@link BlockMomentsProcessor}. */
    public static final int BLOCK_MOMENTS_PROCESSOR = 6;
    /** {@link RefinementKernel}. */
    public static final int REFINEMENT_KERNEL = 7;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case LINEAR_PASS_AGGREGATOR -> new LinearPassAggregator();
            case BLOCK_FIT_PROCESSOR -> new BlockFitProcessor();
            case LIVE_STATE -> new LiveState();
            case FEATURE_MEANS_AGGREGATOR -> new FeatureMeansAggregator();
            case BLOCK_MOMENTS_PROCESSOR -> new BlockMomentsProcessor();
            case REFINEMENT_KERNEL -> new RefinementKernel();
            default -> null;
        };
    }
}
