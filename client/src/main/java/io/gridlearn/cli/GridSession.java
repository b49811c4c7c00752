package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;


/**
 * The grid a command runs against: an embedded grid of N members in this process (on loopback, under a
 * private cluster name so it never joins a standalone grid on the same machine), or a thin client.
 */
final class GridSession implements AutoCloseable {
    private EmbeddedGrid embedded;
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
        embedded = EmbeddedGrid.start(name, g.members, g.members >= 3 ? 3 : 0, 1, GridSettings.DEFAULT_PORT);
    }

    HazelcastInstance hz() {
        return client != null ? client : embedded.first();
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
