package io.gridlearn.pass;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.pass}:
 * the two generic aggregators that carry a {@link BlockKernel} or {@link BlockSampler} to members, and the
 * check of a weight column shared by the learners that take {@code --weights} ({@link WeightCheckKernel},
 * {@link BadWeightSampler}).
 * The kernel or sampler inside is written with its own package's factory and class id, so this package needs
 * to know none of the algorithms.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class PassSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.PASS_FACTORY_ID;

    /** {@link KernelAggregator}. */
    public static final int KERNEL_AGGREGATOR = 1;
    /** {@link SampleAggregator}. */
    public static final int SAMPLE_AGGREGATOR = 2;
    /** {@link WeightCheckKernel}. */
    public static final int WEIGHT_CHECK_KERNEL = 3;
    /** {@link BadWeightSampler}. */
    public static final int BAD_WEIGHT_SAMPLER = 4;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case KERNEL_AGGREGATOR -> new KernelAggregator();
            case SAMPLE_AGGREGATOR -> new SampleAggregator();
            case WEIGHT_CHECK_KERNEL -> new WeightCheckKernel();
            case BAD_WEIGHT_SAMPLER -> new BadWeightSampler();
            default -> null;
        };
    }
}
