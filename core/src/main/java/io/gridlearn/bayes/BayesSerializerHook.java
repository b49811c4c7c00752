package io.gridlearn.bayes;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.bayes}:
 * the naive-Bayes class sampler (which finds the classes and their shifts) and the per-class moments
 * kernel, both run on members.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class BayesSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.BAYES_FACTORY_ID;

    /** {@link ClassSampler}. */
    public static final int CLASS_SAMPLER = 1;
    /** {@link ClassMomentsKernel}. */
    public static final int CLASS_MOMENTS_KERNEL = 2;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case CLASS_SAMPLER -> new ClassSampler();
            case CLASS_MOMENTS_KERNEL -> new ClassMomentsKernel();
            default -> null;
        };
    }
}
