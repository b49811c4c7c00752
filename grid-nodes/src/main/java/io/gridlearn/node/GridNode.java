package io.gridlearn.node;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone gridlearn member: {@code java -jar gridlearn-node.jar [options]}. Runs in the foreground
 * until terminated; SIGTERM or Ctrl-C leaves the cluster gracefully (partitions migrate first).
 */
public final class GridNode {
    private GridNode() {
    }

    /**
     * Parses the options and runs a member in the foreground; exits with status 2 on bad options (0 for
     * {@code --help}).
     *
     * @param args the command-line options ({@link NodeOptions#USAGE})
     */
    public static void main(String[] args) {
        NodeOptions options;
        try {
            options = NodeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
            return;
        }
        runForeground(options);
    }

    /**
     * Starts a member and blocks until the JVM is asked to stop.
     *
     * @param options the member's options
     */
    public static void runForeground(NodeOptions options) {
        HazelcastInstance hz = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hz.shutdown();
            stopped.countDown();
        }, "gridlearn-node-shutdown"));
        System.err.println("gridlearn node " + hz.getCluster().getLocalMember().getAddress() + " in cluster '"
                + options.clusterName() + "' (" + hz.getCluster().getMembers().size() + " members)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a member with these options.
     *
     * @param options the member's options
     * @return the running member
     */
    public static HazelcastInstance start(NodeOptions options) {
        Config config;
        if (options.config() != null) {
            try {
                config = Config.loadFromFile(options.config().toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + options.config() + ": " + e.getMessage(), e);
            }
            GridConfigs.applyGridlearn(config);
        } else {
            List<String> members = new ArrayList<>(options.members());
            String self = options.bindHost() + ":" + options.port();
            if (!members.contains(self)) {
                members.add(self);
            }
            GridSettings settings = new GridSettings(options.clusterName(), options.bindHost(), options.port(), false,
                    members, options.effectiveCpMembers(), options.backupCount());
            config = GridConfigs.memberConfig(settings);
        }
        return Hazelcast.newHazelcastInstance(config);
    }
}
