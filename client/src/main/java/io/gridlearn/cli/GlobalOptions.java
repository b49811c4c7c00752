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

    @Option(names = "--verbose", description = "Show Hazelcast's log on standard error, and the stack trace of a failure.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "${env:GRIDLEARN_TIMEOUT:-30}",
            description = "Give up on the grid after this many seconds without an answer: connecting, a call whose "
                    + "member left, a model-store call (default ${DEFAULT-VALUE}; environment GRIDLEARN_TIMEOUT).")
    String timeout;

    /** {@code --timeout} as a duration; a bad value is a usage error naming the option. */
    java.time.Duration deadline() {
        double s;
        try {
            s = Double.parseDouble(timeout.trim());
        } catch (NumberFormatException e) {
            throw new io.gridlearn.BadInputException("--timeout (or GRIDLEARN_TIMEOUT) must be a number of seconds, was '"
                    + timeout + "'");
        }
        if (!(s >= 0.1 && s <= 86_400)) {
            throw new io.gridlearn.BadInputException("--timeout (or GRIDLEARN_TIMEOUT) must be between 0.1 and 86400 "
                    + "seconds, was " + timeout);
        }
        return java.time.Duration.ofMillis(Math.round(s * 1000));
    }

    boolean embedded() {
        return cluster == null || cluster.isEmpty();
    }
}
