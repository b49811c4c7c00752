package io.gridlearn.cli;

import io.gridlearn.node.GridNode;
import io.gridlearn.node.NodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "node", description = "Run one standalone grid member in the foreground (as gridlearn-node.jar).",
        footer = {"%nSIGTERM or Ctrl-C leaves the cluster gracefully: the member hands its partitions over first "
                + "(Hazelcast's shutdown hook, policy GRACEFUL, also with --config unless the file sets "
                + "hazelcast.shutdownhook.policy itself).",
                "%nRolling restart, one node at a time: stop it with SIGTERM (kill PID, not kill -9) and wait until it "
                + "has exited; start it again with the same options; wait until it has joined (its first line names the "
                + "member count) before the next node. With --backup-count 1, never stop two nodes at once. See "
                + "docs/cli.md, \"Rolling restart\"."})
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "5701", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--members", split = ",", paramLabel = "HOST:PORT", description = "The other members.")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-name", defaultValue = "gridlearn", description = "Cluster name (default ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--cp-members", defaultValue = "-1", description = "CP members: 0 = small-grid mode (models in a partitioned map), >= 3 = Raft, lost CP members replaced (default: 3 when three or more members are listed).")
    int cpMembers;

    @Option(names = "--backup-count", defaultValue = "1", description = "Backups of every data block (default ${DEFAULT-VALUE}).")
    int backupCount;

    @Option(names = "--config", description = "Start from this Hazelcast configuration file.")
    Path config;

    @Override
    public Integer call() {
        GridNode.runForeground(new NodeOptions(port, members, clusterName, bind, cpMembers, backupCount, config));
        return 0;
    }
}
