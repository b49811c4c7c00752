package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.SerializationServiceSupport;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The executor task of {@link MemberPasses}, sent to every member: with an aggregator it opens the pass in the
 * member's JVM ({@link MemberPool#open}) and returns null; without one it drains the pass there
 * ({@link MemberPool#drain}) and returns the JVM's {@link PoolShare}. Members run it from their own classpath, so a
 * thin client can send it.
 */
public final class MemberPoolTask implements Callable<PoolShare>, HazelcastInstanceAware, IdentifiedDataSerializable {
    private long pass;
    private BlockPassAggregator<?> prototype;
    private transient HazelcastInstance hz;

    /** For deserialization. */
    public MemberPoolTask() {
    }

    /**
     * @param pass      the pass's id
     * @param prototype the pass's empty aggregator to open it with, or null to drain it
     */
    MemberPoolTask(long pass, BlockPassAggregator<?> prototype) {
        this.pass = pass;
        this.prototype = prototype;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public PoolShare call() {
        if (prototype != null) {
            MemberPool.open(pass, prototype, ((SerializationServiceSupport) hz).getSerializationService());
            return null;
        }
        return MemberPool.drain(pass);
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.MEMBER_POOL_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(pass);
        out.writeObject(prototype);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        pass = in.readLong();
        prototype = in.readObject();
    }
}
