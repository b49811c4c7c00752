package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Callable;

/**
 * What one member's heap holds, for {@link LoadBudget}: {@code [max heap, live bytes, JVM id, data backups]}.
 * Live bytes are the heap pools' usage after their last collection (garbage that a collection would free is not
 * counted; a pool never collected counts as used); the JVM id tells apart members that share one JVM (an embedded
 * grid), whose heap must be counted once; data backups is the backup count of gridlearn's data maps on this member.
 */
public final class HeapTask implements Callable<long[]>, HazelcastInstanceAware, IdentifiedDataSerializable {
    private transient HazelcastInstance hz;

    /** The task (it has no parameters). */
    public HeapTask() {
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public long[] call() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage after = pool.getCollectionUsage();
            live += after != null ? after.getUsed() : pool.getUsage().getUsed();
        }
        long jvm = (ManagementFactory.getRuntimeMXBean().getName() + "@"
                + ManagementFactory.getRuntimeMXBean().getStartTime()).hashCode();
        int backups = hz == null ? 1 : hz.getConfig()
                .findMapConfig(io.gridlearn.grid.GridConfigs.DATA_MAP_PREFIX + "probe").getBackupCount();
        return new long[] {Runtime.getRuntime().maxMemory(), live, jvm, backups};
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.HEAP_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
    }
}
