package io.gridlearn.eval;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.eval}:
 * the evaluation passes: the regression-metrics aggregator, the entry processor that scores
 * blocks where they live, and the classification-metrics kernel (carried by {@code KernelAggregator}). Each
 * carries a model's JSON to members; only the Hazelcast ids come from here.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class EvalSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.EVAL_FACTORY_ID;

    /** {@link RegressionMetricsAggregator}. */
    public static final int REGRESSION_METRICS_AGGREGATOR = 1;
    /** {@link PredictProcessor}. */
    public static final int PREDICT_PROCESSOR = 2;
    /** {@link ClassificationKernel}. */
    public static final int CLASSIFICATION_KERNEL = 3;
    /** {@link PredictIntoMapTask}. */
    public static final int PREDICT_INTO_MAP_TASK = 4;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case REGRESSION_METRICS_AGGREGATOR -> new RegressionMetricsAggregator();
            case PREDICT_PROCESSOR -> new PredictProcessor();
            case CLASSIFICATION_KERNEL -> new ClassificationKernel();
            case PREDICT_INTO_MAP_TASK -> new PredictIntoMapTask();
            default -> null;
        };
    }
}
