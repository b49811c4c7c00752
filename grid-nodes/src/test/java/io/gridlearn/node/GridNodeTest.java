package io.gridlearn.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.RowBlockSerializer;
import io.gridlearn.grid.GridConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GridNode#start}: a member from the command-line options, and one from a Hazelcast YAML file with
 * gridlearn's settings added on top (serializer, data-map settings, Java-deserialization filter).
 */
class GridNodeTest {
    private final List<HazelcastInstance> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        started.forEach(h -> h.getLifecycleService().terminate());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HazelcastInstance start(NodeOptions options) {
        HazelcastInstance hz = GridNode.start(options);
        started.add(hz);
        return hz;
    }

    @Test
    void aYamlConfigFileIsAppliedAndGridlearnsSettingsAreAddedOnTop() throws Exception {
        int port = freePort();
        String cluster = "yaml-" + UUID.randomUUID().toString().substring(0, 8);
        Path yaml = dir.resolve("member.yaml");
        Files.writeString(yaml, """
                hazelcast:
                  cluster-name: %s
                  properties:
                    hazelcast.phone.home.enabled: false
                  network:
                    port:
                      auto-increment: false
                      port: %d
                    join:
                      auto-detection:
                        enabled: false
                      multicast:
                        enabled: false
                      tcp-ip:
                        enabled: true
                        member-list:
                          - 127.0.0.1:%d
                    interfaces:
                      enabled: true
                      interfaces:
                        - 127.0.0.1
                  map:
                    own-settings:
                      backup-count: 0
                """.formatted(cluster, port, port));
        // the file wins over the command line's cluster name and port
        HazelcastInstance hz = start(NodeOptions.parse(new String[] {"--config", yaml.toString(),
                "--cluster-name", "ignored", "--port", "1"}));

        Config c = hz.getConfig();
        assertEquals(cluster, c.getClusterName(), "cluster name from the file");
        assertEquals(cluster, hz.getConfig().getClusterName());
        assertEquals(port, hz.getCluster().getLocalMember().getAddress().getPort(), "port from the file");
        assertEquals(0, c.getMapConfig("own-settings").getBackupCount(), "the file's own map settings stay");

        MapConfig data = c.getMapConfig(GridConfigs.DATA_MAP_PREFIX + "anything");
        assertEquals(InMemoryFormat.OBJECT, data.getInMemoryFormat(), "gridlearn's data-map settings added");
        assertEquals(InMemoryFormat.BINARY, c.getMapConfig(GridConfigs.MODEL_FALLBACK_MAP).getInMemoryFormat());
        assertNotNull(c.getSerializationConfig().getJavaSerializationFilterConfig(), "deserialization filter added");
        assertTrue(c.getSerializationConfig().getSerializerConfigs().stream()
                .anyMatch(s -> s.getTypeClass() == RowBlock.class && s.getImplementation() instanceof RowBlockSerializer),
                "the row-block serializer is registered");

        // and the member stores and returns a block through that serializer
        RowBlock b = new RowBlock(7, 2, 2, new double[] {1.5, -2.0, Math.PI, Double.NaN});
        hz.<Integer, RowBlock>getMap(GridConfigs.DATA_MAP_PREFIX + "t").set(7, b);
        RowBlock back = hz.<Integer, RowBlock>getMap(GridConfigs.DATA_MAP_PREFIX + "t").get(7);
        assertArrayEquals(b.values(), back.values(), 0.0);
        assertEquals(2, back.rows());
    }

    @Test
    void withoutAConfigFileTheOptionsMakeTheMember() throws Exception {
        int port = freePort();
        String cluster = "opts-" + UUID.randomUUID().toString().substring(0, 8);
        HazelcastInstance hz = start(NodeOptions.parse(new String[] {"--port", String.valueOf(port),
                "--cluster-name", cluster, "--bind", "127.0.0.1", "--backup-count", "2", "--cp-members", "0"}));
        Config c = hz.getConfig();
        assertEquals(cluster, c.getClusterName());
        assertEquals(port, hz.getCluster().getLocalMember().getAddress().getPort());
        assertEquals("127.0.0.1", hz.getCluster().getLocalMember().getAddress().getHost());
        assertFalse(c.getNetworkConfig().isPortAutoIncrement(), "exactly the port asked for");
        assertEquals(2, c.getMapConfig(GridConfigs.DATA_MAP_PREFIX + "x").getBackupCount(), "--backup-count");
        assertTrue(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers().contains("127.0.0.1:" + port),
                "the node lists itself among the members");
        assertEquals(0, c.getCPSubsystemConfig().getCPMemberCount());
    }

    @Test
    void anUnreadableConfigFileIsRefusedWithItsName() {
        Path missing = dir.resolve("nope.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(NodeOptions.parse(new String[] {"--config", missing.toString()})));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    /** SIGTERM must hand partitions over before leaving: Hazelcast's hook, on, with the GRACEFUL policy. */
    @Test
    void aNodeFromItsOptionsShutsDownGracefullyOnSigterm() {
        Config c = GridNode.config(NodeOptions.parse(new String[] {"--port", "5799"}));
        assertEquals("true", c.getProperty(GridNode.SHUTDOWNHOOK_ENABLED));
        assertEquals("GRACEFUL", c.getProperty(GridNode.SHUTDOWNHOOK_POLICY));
    }

    @Test
    void aNodeFromAYamlFileShutsDownGracefullyOnSigtermUnlessTheFileSaysOtherwise() throws Exception {
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, """
                hazelcast:
                  cluster-name: plain
                """);
        Config c = GridNode.config(NodeOptions.parse(new String[] {"--config", plain.toString()}));
        assertEquals("plain", c.getClusterName(), "the file was read");
        assertEquals("true", c.getProperty(GridNode.SHUTDOWNHOOK_ENABLED));
        assertEquals("GRACEFUL", c.getProperty(GridNode.SHUTDOWNHOOK_POLICY));

        Path own = dir.resolve("own.yaml");
        Files.writeString(own, """
                hazelcast:
                  cluster-name: own
                  properties:
                    hazelcast.shutdownhook.policy: TERMINATE
                """);
        Config o = GridNode.config(NodeOptions.parse(new String[] {"--config", own.toString()}));
        assertEquals("TERMINATE", o.getProperty(GridNode.SHUTDOWNHOOK_POLICY), "the operator's explicit choice stays");
        assertEquals("true", o.getProperty(GridNode.SHUTDOWNHOOK_ENABLED));
    }

    /**
     * The CP healer (issue 15) is part of gridlearn's member settings, so a node from a YAML file gets it as well,
     * once, by class name (each member its own instance); a file that lists it itself does not get a second.
     */
    @Test
    void everyNodeRunsTheCpHealerAlsoFromAYamlFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.gridlearn.grid.CpSupport.available(),
                "this Hazelcast build has no community CP Subsystem: nothing to heal");
        Path plain = dir.resolve("healer.yaml");
        Files.writeString(plain, """
                hazelcast:
                  cluster-name: healer
                  cp-subsystem:
                    cp-member-count: 3
                """);
        Path listed = dir.resolve("listed.yaml");
        Files.writeString(listed, """
                hazelcast:
                  cluster-name: listed
                  listeners:
                    - io.gridlearn.model.CpHealer
                """);
        for (Config c : List.of(GridNode.config(NodeOptions.parse(new String[] {"--config", plain.toString()})),
                GridNode.config(NodeOptions.parse(new String[] {"--config", listed.toString()})),
                GridNode.config(NodeOptions.parse(new String[] {"--port", "5799"})))) {
            assertEquals(1, c.getListenerConfigs().stream()
                    .filter(l -> GridConfigs.CP_HEALER_CLASS.equals(l.getClassName())).count(), c.getClusterName());
        }
    }

    /** The running member reads the policy as Hazelcast resolves it (config over system properties). */
    @Test
    void theStartedMemberHasTheGracefulPolicy() throws Exception {
        HazelcastInstance hz = start(NodeOptions.parse(new String[] {"--port", String.valueOf(freePort()),
                "--cluster-name", "graceful-" + UUID.randomUUID().toString().substring(0, 8), "--cp-members", "0"}));
        com.hazelcast.spi.properties.HazelcastProperties p =
                new com.hazelcast.spi.properties.HazelcastProperties(hz.getConfig());
        assertEquals("GRACEFUL", p.getString(com.hazelcast.spi.properties.ClusterProperty.SHUTDOWNHOOK_POLICY));
        assertTrue(p.getBoolean(com.hazelcast.spi.properties.ClusterProperty.SHUTDOWNHOOK_ENABLED));
    }
}
