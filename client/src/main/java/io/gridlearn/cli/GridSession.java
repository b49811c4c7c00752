package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridDeadline;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;


/**
 * The grid a command runs against: an embedded grid of N members in this process (on loopback, under a
 * private cluster name so it never joins a standalone grid on the same machine), or a thin client.
 */
public final class GridSession implements AutoCloseable {
    private EmbeddedGrid embedded;
    private HazelcastInstance client;

    static GridSession open(GlobalOptions g) {
        return open(g.cluster, g.clusterName, g.members);
    }

    /**
     * A thin client to {@code cluster} (host:port list), or, when it is null or empty, an embedded grid of
     * {@code members} members.
     *
     * @param cluster     {@code host:port} of members to connect to, or null or empty for an embedded grid
     * @param clusterName the cluster's name
     * @param members     members of an embedded grid, 1 to 16
     * @return the session; {@link #close()} disconnects the client or stops the embedded grid
     */
    public static GridSession open(java.util.List<String> cluster, String clusterName, int members) {
        GridSession s = new GridSession();
        try {
            if (cluster == null || cluster.isEmpty()) {
                s.startEmbedded(clusterName, members);
            } else {
                s.client = HazelcastClient.newHazelcastClient(
                        GridConfigs.clientConfig(clusterName, cluster, GridDeadline.get()));
            }
            return s;
        } catch (IllegalStateException e) {
            s.close();
            throw new GridlearnException("cannot connect to the grid at " + String.join(",", cluster)
                    + " with cluster name '" + clusterName + "' within " + io.gridlearn.grid.GridTimeoutException.seconds(GridDeadline.get())
                    + ": no member of that cluster answered there; start the members (gridlearn node) or check --cluster, --cluster-name"
                    + " and the network, or raise --timeout", e);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void startEmbedded(String clusterName, int members) {
        if (members < 1 || members > 16) {
            throw new BadInputException("--members must be between 1 and 16, was " + members);
        }
        String name = clusterName + "-embedded-" + ProcessHandle.current().pid();
        embedded = EmbeddedGrid.start(name, members, members >= 3 ? 3 : 0, 1, GridSettings.DEFAULT_PORT);
    }

    /**
     * The grid's entry point.
     *
     * @return the client, or the first member of the embedded grid
     */
    public HazelcastInstance hz() {
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
