package io.gridlearn.kmeans;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.kmeans}:
 * the Lloyd iteration kernel and the three seeding samplers (row ids, hashed sample, k-means‖
 * candidates) that k-means sends to members.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class KmeansSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.KMEANS_FACTORY_ID;

    /** {@link LloydKernel}. */
    public static final int LLOYD_KERNEL = 1;
    /** {@link RowIdSampler}. */
    public static final int ROW_ID_SAMPLER = 2;
    /** {@link HashSampler}. */
    public static final int HASH_SAMPLER = 3;
    /** {@link ParallelSampler}. */
    public static final int PARALLEL_SAMPLER = 4;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case LLOYD_KERNEL -> new LloydKernel();
            case ROW_ID_SAMPLER -> new RowIdSampler();
            case HASH_SAMPLER -> new HashSampler();
            case PARALLEL_SAMPLER -> new ParallelSampler();
            default -> null;
        };
    }
}
