package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Starts a {@link JournalFollower} on the member it runs on and returns that member's address. {@code sequences} are
 * the journal positions (per partition) from which changes count: the caller read them before it converted the map,
 * so no write between the conversion and the follower's first round goes unseen. {@code all} makes the first round
 * re-convert every partition (following a dataset that already existed).
 */
public final class FollowStartTask implements Callable<String>, IdentifiedDataSerializable, HazelcastInstanceAware {
    private FollowSpec spec;
    private long[] sequences;
    private boolean all;
    private transient HazelcastInstance hz;

    /** For Hazelcast's factory. */
    public FollowStartTask() {
    }

    FollowStartTask(FollowSpec spec, long[] sequences, boolean all) {
        this.spec = spec;
        this.sequences = sequences;
        this.all = all;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public String call() {
        JournalFollower.start(hz, spec, sequences, all);
        return hz.getCluster().getLocalMember().getAddress().toString();
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.FOLLOW_START_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(spec);
        out.writeLongArray(sequences);
        out.writeBoolean(all);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        spec = in.readObject();
        sequences = in.readLongArray();
        all = in.readBoolean();
    }
}
