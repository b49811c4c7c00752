package io.gridlearn.runtime;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.runtime}: the
 * executor task of a fit driven by a member ({@link MemberFit}). Listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}; the factory id is allocated in
 * {@link SerializationIds}; class ids must stay unique within this hook.
 */
public final class RuntimeSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.RUNTIME_FACTORY_ID;

    /** {@link MemberFit}. */
    public static final int MEMBER_FIT = 1;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> typeId == MEMBER_FIT ? new MemberFit() : null;
    }
}
