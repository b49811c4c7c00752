package io.gridlearn.node;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone gridlearn member: {@code java -jar gridlearn-node.jar [options]}. Runs in the foreground
 * until terminated; SIGTERM or Ctrl-C leaves the cluster gracefully (partitions migrate first: Hazelcast's
 * shutdown hook with the GRACEFUL policy, also for a node started from {@code --config FILE}).
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
        try {
            runForeground(options);
        } catch (IllegalArgumentException e) {
            System.err.println("gridlearn-node: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // one line, as the command line does: what failed; the stack trace only when asked for
            System.err.println("gridlearn-node: cannot start the member: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ")
                    + " (set GRIDLEARN_VERBOSE=1 for the stack trace)");
            if (System.getenv("GRIDLEARN_VERBOSE") != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /**
     * Starts a member and blocks until the JVM is asked to stop.
     *
     * @param options the member's options
     */
    public static void runForeground(NodeOptions options) {
        HazelcastInstance hz = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        // Hazelcast's own shutdown hook (policy GRACEFUL, see config) leaves the cluster on SIGTERM; this only
        // says so and lets the main thread end once the member has stopped
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                System.err.println("gridlearn node leaving the cluster ("
                        + hz.getConfig().getProperty(SHUTDOWNHOOK_POLICY) + ")");
            } else if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        System.err.println("gridlearn node " + hz.getCluster().getLocalMember().getAddress() + " in cluster '"
                + hz.getConfig().getClusterName() + "' (" + hz.getCluster().getMembers().size() + " members)");
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
        return Hazelcast.newHazelcastInstance(config(options));
    }

    /**
     * The configuration a node starts with: from the options, or from the {@code --config} file with gridlearn's
     * settings added on top; in both cases Hazelcast's shutdown hook is on with the GRACEFUL policy, so that
     * SIGTERM (or Ctrl-C) makes the member hand its partitions over before it leaves (see
     * {@link #applyGracefulShutdown}).
     *
     * @param options the member's options
     * @return the configuration
     */
    public static Config config(NodeOptions options) {
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
        applyGracefulShutdown(config, options.config() != null);
        return config;
    }

    /** Hazelcast's property: whether its JVM shutdown hook runs. */
    public static final String SHUTDOWNHOOK_ENABLED = "hazelcast.shutdownhook.enabled";
    /** Hazelcast's property: what its shutdown hook does, TERMINATE (Hazelcast's default) or GRACEFUL. */
    public static final String SHUTDOWNHOOK_POLICY = "hazelcast.shutdownhook.policy";

    /**
     * Turns Hazelcast's JVM shutdown hook on with the GRACEFUL policy: on SIGTERM the member waits until every
     * partition it owns has migrated and its backups are in sync, then leaves (at most
     * {@code hazelcast.graceful.shutdown.max.wait}, 600 s by default). Hazelcast's default, TERMINATE, leaves at
     * once and the cluster restores lost primaries from backups: with one backup, a second member stopped before
     * that completes loses data. A configuration file that sets either property itself, or the same system
     * property given with {@code -D}, keeps its choice.
     *
     * @param config   the member configuration, changed in place
     * @param fromFile whether the configuration was read from the user's file
     */
    static void applyGracefulShutdown(Config config, boolean fromFile) {
        for (String[] p : new String[][] {{SHUTDOWNHOOK_ENABLED, "true"}, {SHUTDOWNHOOK_POLICY, "GRACEFUL"}}) {
            boolean chosen = fromFile && config.getProperty(p[0]) != null || System.getProperty(p[0]) != null;
            if (!chosen) {
                config.setProperty(p[0], p[1]);
            }
        }
    }
}
