package io.gridlearn.cli;

import picocli.CommandLine.Option;

import java.util.List;

/** Options before the command: where the grid is. */
final class GlobalOptions {
    @Option(names = "--cluster", split = ",", paramLabel = "HOST:PORT",
            description = "Connect to a running grid as a thin client (comma-separated member addresses).")
    List<String> cluster;

    @Option(names = "--members", paramLabel = "N", defaultValue = "3",
            description = "Members of the embedded grid started in this process when --cluster is absent (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "gridlearn",
            description = "Cluster name (default ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--verbose", description = "Show Hazelcast's log on standard error.")
    boolean verbose;

    boolean embedded() {
        return cluster == null || cluster.isEmpty();
    }
}
