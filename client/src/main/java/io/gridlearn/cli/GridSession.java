package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The grid a command runs against: an embedded grid of N members in this process (on loopback, under a
 * private cluster name so it never joins a standalone grid on the same machine), or a thin client.
 */
final class GridSession implements AutoCloseable {
    private final List<HazelcastInstance> members = new ArrayList<>();
    private HazelcastInstance client;

    static GridSession open(GlobalOptions g) {
        GridSession s = new GridSession();
        try {
            if (g.embedded()) {
                s.startEmbedded(g);
            } else {
                s.client = HazelcastClient.newHazelcastClient(GridConfigs.clientConfig(g.clusterName, g.cluster));
            }
            return s;
        } catch (IllegalStateException e) {
            s.close();
            throw new GridlearnException("cannot connect to the grid at " + String.join(",", g.cluster)
                    + " with cluster name '" + g.clusterName + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void startEmbedded(GlobalOptions g) {
        if (g.members < 1 || g.members > 16) {
            throw new BadInputException("--members must be between 1 and 16, was " + g.members);
        }
        String name = g.clusterName + "-embedded-" + ProcessHandle.current().pid();
        int cp = g.members >= 3 ? 3 : 0;
        GridSettings first = new GridSettings(name, "127.0.0.1", GridSettings.DEFAULT_PORT, true, List.of(), cp, 1);
        HazelcastInstance m0 = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(first));
        members.add(m0);
        int port = m0.getCluster().getLocalMember().getAddress().getPort();
        GridSettings rest = first.withMembers(List.of("127.0.0.1:" + port), cp).withPort(port + 1, true);
        List<CompletableFuture<HazelcastInstance>> starting = new ArrayList<>();
        for (int i = 1; i < g.members; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(rest))));
        }
        for (CompletableFuture<HazelcastInstance> f : starting) {
            members.add(f.join());
        }
    }

    HazelcastInstance hz() {
        return client != null ? client : members.get(0);
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
        }
        for (HazelcastInstance m : members) {
            m.getLifecycleService().terminate();
        }
    }
}
