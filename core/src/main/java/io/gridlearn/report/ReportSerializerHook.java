package io.gridlearn.report;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.report}:
 * the training report's row sampler and its score and column histogram kernels, run on members
 * after a fit.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class ReportSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.REPORT_FACTORY_ID;

    /** {@link ReportSampler}. */
    public static final int SAMPLER = 1;
    /** {@link ScoreHistogramKernel}. */
    public static final int SCORE_HISTOGRAM_KERNEL = 2;
    /** {@link ColumnHistogramKernel}. */
    public static final int COLUMN_HISTOGRAM_KERNEL = 3;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case SAMPLER -> new ReportSampler();
            case SCORE_HISTOGRAM_KERNEL -> new ScoreHistogramKernel();
            case COLUMN_HISTOGRAM_KERNEL -> new ColumnHistogramKernel();
            default -> null;
        };
    }
}
