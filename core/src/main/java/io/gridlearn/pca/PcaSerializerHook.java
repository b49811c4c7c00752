package io.gridlearn.pca;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.pca}:
 * the column-moments kernel from which PCA builds its covariance matrix on members.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class PcaSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.PCA_FACTORY_ID;

    /** {@link ColumnMomentsKernel}. */
    public static final int COLUMN_MOMENTS_KERNEL = 1;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case COLUMN_MOMENTS_KERNEL -> new ColumnMomentsKernel();
            default -> null;
        };
    }
}
