package io.gridlearn.report;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * The grid for a report command, from the global options of the parent {@code gridlearn} command
 * ({@code --cluster}, {@code --cluster-name}, {@code --members}): a thin client, or an embedded grid as the
 * other commands start it.
 */
final class ReportGrid implements AutoCloseable {
    private EmbeddedGrid embedded;
    private HazelcastInstance client;

    @SuppressWarnings("unchecked")
    static ReportGrid open(CommandSpec parent) {
        List<String> cluster = (List<String>) value(parent, "--cluster");
        String clusterName = (String) value(parent, "--cluster-name");
        Object membersValue = value(parent, "--members");
        int members = membersValue instanceof Integer i ? i : 3;
        ReportGrid g = new ReportGrid();
        try {
            if (cluster == null || cluster.isEmpty()) {
                if (members < 1 || members > 16) {
                    throw new BadInputException("--members must be between 1 and 16, was " + members);
                }
                String name = clusterName + "-embedded-" + ProcessHandle.current().pid();
                g.embedded = EmbeddedGrid.start(name, members, members >= 3 ? 3 : 0, 1, GridSettings.DEFAULT_PORT);
            } else {
                g.client = HazelcastClient.newHazelcastClient(GridConfigs.clientConfig(clusterName, cluster));
            }
            return g;
        } catch (IllegalStateException e) {
            g.close();
            throw new GridlearnException("cannot connect to the grid at " + String.join(",", cluster)
                    + " with cluster name '" + clusterName + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static Object value(CommandSpec spec, String name) {
        OptionSpec o = spec == null ? null : spec.findOption(name);
        return o == null ? null : o.getValue();
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
