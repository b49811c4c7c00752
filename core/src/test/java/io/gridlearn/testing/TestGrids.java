package io.gridlearn.testing;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;

import java.util.List;
import java.util.UUID;

/** In-process grids on Hazelcast's mock network, for fast tests. */
public final class TestGrids {
    private TestGrids() {
    }

    /** A gridlearn member configuration with a unique cluster name (no CP members). */
    public static Config config() {
        return config(0);
    }

    public static Config config(int cpMembers) {
        return config(cpMembers, 1);
    }

    /** A gridlearn member configuration with a unique cluster name, CP members and backups as given. */
    public static Config config(int cpMembers, int backups) {
        GridSettings s = new GridSettings("test-" + UUID.randomUUID().toString().substring(0, 8), "127.0.0.1", 5701,
                true, List.of(), cpMembers, backups);
        Config c = GridConfigs.memberConfig(s);
        c.setProperty("hazelcast.partition.count", "23");
        return c;
    }

    /** Starts {@code n} members of one cluster on the factory; the first is the caller's. */
    public static HazelcastInstance[] start(TestHazelcastInstanceFactory factory, int n) {
        Config c = config();
        HazelcastInstance[] members = new HazelcastInstance[n];
        for (int i = 0; i < n; i++) {
            members[i] = factory.newHazelcastInstance(c);
        }
        return members;
    }
}
