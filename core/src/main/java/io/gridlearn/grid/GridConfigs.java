package io.gridlearn.grid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.cp.CPSubsystemConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import io.gridlearn.data.RowBlock;

import java.util.List;
import java.util.logging.Logger;

/**
 * Hazelcast configuration for gridlearn members and clients. A host application that embeds gridlearn in
 * its own member calls {@link #applyGridlearn(Config)} on the configuration it already has.
 */
public final class GridConfigs {
    private static final Logger LOG = Logger.getLogger(GridConfigs.class.getName());

    /** Data maps: one per loaded dataset, named {@code gridlearn.data.<dataset>.<load id>}. */
    public static final String DATA_MAP_PREFIX = "gridlearn.data.";
    /** Dataset schemas (JSON) by dataset name. */
    public static final String DATASETS_MAP = "gridlearn.datasets";
    /** Model history (JSON) by {@code name@version}. */
    public static final String MODEL_HISTORY_MAP = "gridlearn.model-history";
    /** The model store's fallback when the CP Subsystem is absent: current version (JSON) by name. */
    public static final String MODEL_FALLBACK_MAP = "gridlearn.models";
    /**
     * Which store holds the current model versions: absent key, the CP Subsystem; key {@code switched-to-map},
     * the partitioned map {@link #MODEL_FALLBACK_MAP} for good (see {@code io.gridlearn.model.ModelStoreMode}).
     */
    public static final String MODEL_STORE_MODE_MAP = "gridlearn.model-store-mode";
    /** CP identities: the CP member UUID (value) of each cluster member UUID (key) that is a CP member. */
    public static final String CP_IDENTITY_MAP = "gridlearn.cp-members";
    /** The member-side listener that restores lost CP members ({@code io.gridlearn.model.CpHealer}). */
    public static final String CP_HEALER_CLASS = "io.gridlearn.model.CpHealer";
    /** Block-id reservations: the next free block id (Long) by data map name (see {@code DatasetCatalog}). */
    public static final String BLOCK_IDS_MAP = "gridlearn.block-ids";

    /** The class whose serialized lambdas Jet jobs of {@code io.gridlearn.jet} ship to the members. */
    static final String JET_FUNCTIONS_CLASS = "io.gridlearn.jet.GridlearnJet";

    private GridConfigs() {
    }

    /**
     * A member configuration from scratch.
     *
     * @param s how the member joins its cluster
     * @return the configuration, with gridlearn's serializers and map settings
     */
    public static Config memberConfig(GridSettings s) {
        Config config = new Config();
        config.setClusterName(s.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // one member spreads an aggregation over all its cores only with this (0.35 s vs 0.78 s measured)
        config.setProperty("hazelcast.query.predicate.parallel.evaluation", "true");
        // members list each other explicitly, so there is nothing to wait for before joining
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(s.port()).setPortAutoIncrement(s.autoIncrement()).setPortCount(s.autoIncrement() ? 100 : 1);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(s.bindHost()));
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members().isEmpty() ? List.of(s.bindHost()) : s.members());

        if (s.cpMemberCount() > 0) {
            if (CpSupport.available()) {
                CPSubsystemConfig cp = config.getCPSubsystemConfig()
                        .setCPMemberCount(s.cpMemberCount()).setGroupSize(Math.min(s.cpMemberCount(), 3));
                // Raft's defaults (2 s election timeout, 5 s heartbeats) are for WANs; a grid on one network
                // elects its first leaders several seconds sooner with these, measured on loopback
                cp.getRaftAlgorithmConfig().setLeaderElectionTimeoutInMillis(500).setLeaderHeartbeatPeriodInMillis(1000);
            } else {
                LOG.info("Hazelcast " + CpSupport.version() + " has no community CP Subsystem; the model store will use "
                        + "its IMap compare-and-set fallback");
            }
        }
        // Jet (in the community jar, off by default) runs the host's scoring pipelines (io.gridlearn.jet). Resource
        // upload stays off: the functions gridlearn's stages ship are classes already on every member's classpath
        config.getJetConfig().setEnabled(true).setResourceUploadEnabled(false);
        applyGridlearn(config, s.backupCount());
        return config;
    }

    /**
     * Adds gridlearn's serializers, map settings and Java-deserialization filter to a member config. Applying it
     * again changes nothing.
     *
     * @param config a member configuration, changed in place
     */
    public static void applyGridlearn(Config config) {
        applyGridlearn(config, 1);
    }

    static void applyGridlearn(Config config, int backupCount) {
        applySerialization(config.getSerializationConfig());
        MapConfig data = new MapConfig(DATA_MAP_PREFIX + "*")
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setBackupCount(backupCount)
                .setStatisticsEnabled(true);
        config.addMapConfig(data);
        config.addMapConfig(new MapConfig(DATASETS_MAP).setBackupCount(Math.max(1, backupCount)));
        config.addMapConfig(new MapConfig(MODEL_HISTORY_MAP).setBackupCount(Math.max(1, backupCount)));
        config.addMapConfig(new MapConfig(BLOCK_IDS_MAP).setInMemoryFormat(InMemoryFormat.BINARY)
                .setBackupCount(Math.max(1, backupCount)));
        // BINARY: replace(key, expected, new) then compares serialized bytes, not equals() of a live object
        config.addMapConfig(new MapConfig(MODEL_FALLBACK_MAP).setInMemoryFormat(InMemoryFormat.BINARY)
                .setBackupCount(Math.max(1, backupCount)));
        config.addMapConfig(new MapConfig(MODEL_STORE_MODE_MAP).setBackupCount(Math.max(1, backupCount)));
        config.addMapConfig(new MapConfig(CP_IDENTITY_MAP).setBackupCount(Math.max(1, backupCount)));
        if (CpSupport.available() && config.getListenerConfigs().stream()
                .noneMatch(l -> CP_HEALER_CLASS.equals(l.getClassName()))) {
            // by class name, so that each member gets its own instance even when members share this Config;
            // on builds without CP there is nothing to heal (and its CP listeners could not be registered)
            config.addListenerConfig(new ListenerConfig(CP_HEALER_CLASS));
        }
        if (config.getListenerConfigs().stream().noneMatch(l -> WarmupOnStart.class.getName().equals(l.getClassName()))) {
            config.addListenerConfig(new ListenerConfig(WarmupOnStart.class.getName()));
        }
    }

    /**
     * Serializers and the Java-deserialization filter, for members and clients alike. The filter keeps Hazelcast's
     * default allow-list and adds one gridlearn class, {@code io.gridlearn.jet.GridlearnJet}, whose serialized lambdas
     * a Jet scoring job ships to the members; a filter already set is kept, with that class added. gridlearn's
     * {@code IdentifiedDataSerializable} classes need no registration here: each package's
     * {@code DataSerializerHook} is listed in {@code META-INF/services/com.hazelcast.DataSerializerHook} and
     * Hazelcast loads it from the classpath (ids in {@link SerializationIds}).
     *
     * @param serialization a member's or client's serialization configuration, changed in place
     */
    public static void applySerialization(SerializationConfig serialization) {
        // idempotent: a host may apply gridlearn's settings to a configuration that already has them, and
        // Hazelcast refuses a second serializer for one type
        if (serialization.getSerializerConfigs().stream().noneMatch(c -> c.getTypeClass() == RowBlock.class
                || RowBlock.class.getName().equals(c.getTypeClassName()))) {
            serialization.addSerializerConfig(new SerializerConfig()
                    .setTypeClass(RowBlock.class)
                    .setImplementation(new RowBlockSerializer()));
        }
        // gridlearn sends nothing by Java serialization but Jet jobs' functions: Hazelcast's own allow-list,
        if (serialization.getJavaSerializationFilterConfig() == null) {
            serialization.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
        }
        // except the one class whose functions a Jet job ships (io.gridlearn.jet): Jet sends a job's functions as
        // serialized lambdas, which name their capturing class; this allows that class alone, not its package
        serialization.getJavaSerializationFilterConfig().getWhitelist().addClasses(JET_FUNCTIONS_CLASS);
    }

    /**
     * A thin-client configuration for the given {@code host:port} addresses.
     *
     * @param clusterName the cluster's name
     * @param addresses   {@code host:port} of members to connect to
     * @return the configuration, with gridlearn's serializers
     */
    public static ClientConfig clientConfig(String clusterName, List<String> addresses) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // a member that dies mid-fit must not fail the fit's writes (checkpoints, the model store) that were in
        // flight to it: they are retried on the partition's new owner. Every gridlearn write is idempotent or
        // a compare-and-set whose repeat the store recognises (AbstractModelStore.publish).
        config.getNetworkConfig().setAddresses(addresses).setSmartRouting(true).setRedoOperation(true);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(15_000);
        applySerialization(config.getSerializationConfig());
        return config;
    }

    /**
     * {@link #clientConfig(String, List)} that gives up on the grid after {@code deadline} without an answer:
     * connecting (and reconnecting after the cluster went away) and retrying an invocation whose member left
     * take at most that long. Calls Hazelcast does not bound this way go through {@link GridDeadline}.
     *
     * @param clusterName the cluster's name
     * @param addresses   {@code host:port} of members to connect to
     * @param deadline    the longest wait for a connection or for the retries of an invocation
     * @return the configuration, with gridlearn's serializers
     */
    public static ClientConfig clientConfig(String clusterName, List<String> addresses, java.time.Duration deadline) {
        ClientConfig config = clientConfig(clusterName, addresses);
        config.setProperty("hazelcast.client.invocation.timeout.seconds", Long.toString(Math.max(1, deadline.toSeconds())));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(deadline.toMillis());
        return config;
    }
}
