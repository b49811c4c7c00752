package io.gridlearn.stats;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.stats}:
 * the column-statistics aggregator: it runs on members over the data map and travels back with its
 * exact per-column moments.
 *
 * <p>One hook per package, as Hazelcast does for its own packages: the package owns its class ids and its
 * factory, and no central class has to import every algorithm. The hook is listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}, from which Hazelcast's
 * {@code DataSerializableSerializer} loads it on every member and client that has gridlearn on its
 * classpath; no configuration registers a factory. The factory id is allocated in {@link SerializationIds};
 * class ids must stay unique within this hook.
 */
public final class StatsSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.STATS_FACTORY_ID;

    /** {@link ColumnStatsAggregator}. */
    public static final int COLUMN_STATS_AGGREGATOR = 1;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case COLUMN_STATS_AGGREGATOR -> new ColumnStatsAggregator();
            default -> null;
        };
    }
}
