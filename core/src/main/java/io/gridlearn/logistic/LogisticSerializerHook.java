package io.gridlearn.logistic;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.logistic}:
 * the kernels of logistic and softmax regression (preparation, binary and softmax gradient/Hessian
 * passes, metrics) and the sampler that finds invalid targets; each is sent to members once per pass.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class LogisticSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.LOGISTIC_FACTORY_ID;

    /** {@link PrepKernel}. */
    public static final int PREP_KERNEL = 1;
    /** {@link BinaryKernel}. */
    public static final int BINARY_KERNEL = 2;
    /** {@link SoftmaxKernel}. */
    public static final int SOFTMAX_KERNEL = 3;
    /** {@link MetricsKernel}. */
    public static final int METRICS_KERNEL = 4;
    /** {@link BadTargetSampler}. */
    public static final int BAD_TARGET_SAMPLER = 5;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case PREP_KERNEL -> new PrepKernel();
            case BINARY_KERNEL -> new BinaryKernel();
            case SOFTMAX_KERNEL -> new SoftmaxKernel();
            case METRICS_KERNEL -> new MetricsKernel();
            case BAD_TARGET_SAMPLER -> new BadTargetSampler();
            default -> null;
        };
    }
}
