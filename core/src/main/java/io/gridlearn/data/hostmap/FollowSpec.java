package io.gridlearn.data.hostmap;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.Arrays;

/**
 * What a follower keeps equal to what: host map {@code map}, read at {@code paths} (entries with a null skipped when
 * {@code skip}), into dataset {@code dataset}, publishing a change at most every {@code intervalMs}. Stored under the
 * dataset's name in {@value HostMapFollow#SPECS_MAP}; {@code token} tells one start of a follower from the next, so a
 * follower whose spec was removed (stopped) or replaced (restarted) ends.
 */
public final class FollowSpec implements IdentifiedDataSerializable {
    String map;
    String dataset;
    String[] paths;
    boolean skip;
    long intervalMs;
    String token;

    /** For Hazelcast's factory. */
    public FollowSpec() {
    }

    FollowSpec(String map, String dataset, String[] paths, boolean skip, long intervalMs, String token) {
        this.map = map;
        this.dataset = dataset;
        this.paths = paths;
        this.skip = skip;
        this.intervalMs = intervalMs;
        this.token = token;
    }

    /**
     * The host map's name.
     *
     * @return the followed map
     */
    public String map() {
        return map;
    }

    /**
     * The dataset kept equal to the map.
     *
     * @return the dataset's name
     */
    public String dataset() {
        return dataset;
    }

    /**
     * The minimum time between two published changes.
     *
     * @return milliseconds
     */
    public long intervalMs() {
        return intervalMs;
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.FOLLOW_SPEC;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(map);
        out.writeString(dataset);
        out.writeStringArray(paths);
        out.writeBoolean(skip);
        out.writeLong(intervalMs);
        out.writeString(token);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        map = in.readString();
        dataset = in.readString();
        paths = in.readStringArray();
        skip = in.readBoolean();
        intervalMs = in.readLong();
        token = in.readString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FollowSpec s && map.equals(s.map) && dataset.equals(s.dataset)
                && Arrays.equals(paths, s.paths) && skip == s.skip && intervalMs == s.intervalMs && token.equals(s.token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }
}
