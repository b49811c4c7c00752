package io.gridlearn.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.RestApiConfig;
import com.hazelcast.config.RestEndpointGroup;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.kubernetes.KubernetesProperties;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.RowBlockSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes}: they parse, agree with each other (labels, port name,
 * service name, config path, grace period), and the ConfigMap's {@code hazelcast.yaml}, read the way the pods
 * read it ({@code gridlearn-node.jar --config}, Hazelcast's own loader and schema validation), turns on the
 * Kubernetes DNS discovery and the health-check REST group alone, and still gets gridlearn's settings. A member
 * started from it (discovery swapped for loopback, as there is no cluster DNS here) answers the probes' paths
 * and refuses the other REST groups' URLs.
 */
class KubernetesDeploymentTest {
    private static final Path DIR = Path.of("..", "deploy", "kubernetes");
    private static final String NODE_LABEL = "app.kubernetes.io/name";
    private static final String NODE_VALUE = "gridlearn-node";
    private static final String CLIENT_LABEL = "gridlearn.io/client";

    /** Every document of every manifest, by kind. */
    private static final Map<String, List<JsonNode>> BY_KIND = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readManifests() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "manifests in " + DIR.toAbsolutePath());
        for (Path f : files) {
            try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    assertTrue(doc.hasNonNull("kind") && doc.hasNonNull("apiVersion"), f + ": kind and apiVersion");
                    BY_KIND.computeIfAbsent(doc.get("kind").asText(), k -> new ArrayList<>()).add(doc);
                }
            }
        }
    }

    private static JsonNode one(String kind) {
        List<JsonNode> docs = BY_KIND.get(kind);
        assertNotNull(docs, "a " + kind + " in " + DIR);
        assertEquals(1, docs.size(), "one " + kind);
        return docs.get(0);
    }

    private static JsonNode container() {
        JsonNode containers = one("StatefulSet").at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static String hazelcastYaml() {
        String yaml = one("ConfigMap").at("/data/hazelcast.yaml").asText();
        assertFalse(yaml.isEmpty(), "the ConfigMap carries hazelcast.yaml");
        return yaml;
    }

    /** The configuration exactly as a pod builds it: the ConfigMap's file through {@code --config}. */
    private Config podConfig() throws IOException {
        Path file = dir.resolve("hazelcast.yaml");
        Files.writeString(file, hazelcastYaml());
        return GridNode.config(NodeOptions.parse(new String[] {"--config", file.toString()}));
    }

    @Test
    void theHeadlessServiceNamesTheHazelcastPortAndSelectsTheNodePods() {
        JsonNode svc = one("Service");
        assertEquals("None", svc.at("/spec/clusterIP").asText(), "headless");
        assertTrue(svc.at("/spec/publishNotReadyAddresses").asBoolean(),
                "starting members must find each other before they are ready");
        assertEquals(NODE_VALUE, svc.at("/spec/selector/" + NODE_LABEL.replace("/", "~1")).asText());
        JsonNode ports = svc.at("/spec/ports");
        assertEquals(1, ports.size());
        assertEquals("hazelcast", ports.get(0).get("name").asText());
        assertEquals(5701, ports.get(0).get("port").asInt());
        assertEquals("TCP", ports.get(0).get("protocol").asText());
    }

    @Test
    void theStatefulSetRunsTheNodeWithTheConfigMapProbesAndAGracePeriodLongerThanTheGracefulShutdown()
            throws IOException {
        JsonNode sts = one("StatefulSet");
        JsonNode svc = one("Service");
        assertEquals(svc.at("/metadata/name").asText(), sts.at("/spec/serviceName").asText());
        JsonNode podLabels = sts.at("/spec/template/metadata/labels");
        assertEquals(NODE_VALUE, podLabels.get(NODE_LABEL).asText());
        assertEquals(sts.at("/spec/selector/matchLabels"), svc.at("/spec/selector"), "service and set select alike");

        JsonNode c = container();
        assertTrue(c.get("image").asText().startsWith("gridlearn-node:"), c.get("image").asText());
        JsonNode port = c.get("ports").get(0);
        assertEquals("hazelcast", port.get("name").asText());
        assertEquals(5701, port.get("containerPort").asInt());
        for (String probe : new String[] {"readinessProbe", "livenessProbe"}) {
            assertEquals("hazelcast", c.at("/" + probe + "/httpGet/port").asText(), probe + " on the member port");
        }
        assertEquals("/hazelcast/health/ready", c.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/hazelcast/health/node-state", c.at("/livenessProbe/httpGet/path").asText());

        // --config names hazelcast.yaml in the directory where the ConfigMap is mounted
        List<String> args = new ArrayList<>();
        c.get("args").forEach(a -> args.add(a.asText()));
        int i = args.indexOf("--config");
        assertTrue(i >= 0, args.toString());
        Path configPath = Path.of(args.get(i + 1));
        JsonNode mount = null;
        for (JsonNode m : c.get("volumeMounts")) {
            if (Path.of(m.get("mountPath").asText()).equals(configPath.getParent())) {
                mount = m;
            }
        }
        assertNotNull(mount, "a volume mounted at " + configPath.getParent());
        String volume = mount.get("name").asText();
        JsonNode configMapVolume = null;
        for (JsonNode v : sts.at("/spec/template/spec/volumes")) {
            if (v.get("name").asText().equals(volume)) {
                configMapVolume = v.get("configMap");
            }
        }
        assertNotNull(configMapVolume, volume + " is a ConfigMap volume");
        assertEquals(one("ConfigMap").at("/metadata/name").asText(), configMapVolume.get("name").asText());
        assertEquals("hazelcast.yaml", configPath.getFileName().toString());

        // SIGTERM: graceful, and Kubernetes waits longer than the member may take to hand its partitions over
        Config config = podConfig();
        assertEquals("GRACEFUL", config.getProperty(GridNode.SHUTDOWNHOOK_POLICY));
        assertEquals("true", config.getProperty(GridNode.SHUTDOWNHOOK_ENABLED));
        long maxWait = Long.parseLong(config.getProperty("hazelcast.graceful.shutdown.max.wait"));
        long grace = sts.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        assertTrue(grace > maxWait, "terminationGracePeriodSeconds " + grace + " > graceful wait " + maxWait);

        JsonNode pdb = one("PodDisruptionBudget");
        assertEquals(1, pdb.at("/spec/maxUnavailable").asInt());
        assertEquals(sts.at("/spec/selector/matchLabels"), pdb.at("/spec/selector/matchLabels"));
    }

    @Test
    void theNetworkPolicyAdmitsOnlyNodesAndLabelledClientsOnTheMemberPort() {
        JsonNode np = one("NetworkPolicy");
        assertEquals(one("StatefulSet").at("/spec/selector/matchLabels"), np.at("/spec/podSelector/matchLabels"),
                "it guards the node pods");
        List<String> types = new ArrayList<>();
        np.at("/spec/policyTypes").forEach(t -> types.add(t.asText()));
        assertEquals(List.of("Ingress"), types);
        JsonNode ingress = np.at("/spec/ingress");
        assertEquals(1, ingress.size(), "one rule");
        JsonNode from = ingress.get(0).get("from");
        assertEquals(2, from.size(), from.toString());
        List<Map<String, String>> selectors = new ArrayList<>();
        for (JsonNode peer : from) {
            assertFalse(peer.has("ipBlock") || peer.has("namespaceSelector"), "pods of this namespace only: " + peer);
            Map<String, String> labels = new HashMap<>();
            peer.at("/podSelector/matchLabels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            selectors.add(labels);
        }
        assertTrue(selectors.contains(Map.of(NODE_LABEL, NODE_VALUE)), selectors.toString());
        assertTrue(selectors.contains(Map.of(CLIENT_LABEL, "true")), selectors.toString());
        JsonNode ports = ingress.get(0).get("ports");
        assertEquals(1, ports.size());
        assertEquals(5701, ports.get(0).get("port").asInt());
        assertEquals("TCP", ports.get(0).get("protocol").asText());
    }

    @Test
    void theConfigMapsYamlConfiguresKubernetesDnsDiscoveryAndTheHealthCheckGroupOnly() throws IOException {
        Config config = podConfig();
        JoinConfig join = config.getNetworkConfig().getJoin();
        KubernetesConfig k8s = join.getKubernetesConfig();
        assertTrue(k8s.isEnabled(), "Kubernetes discovery on");
        JsonNode svc = one("Service");
        assertEquals(svc.at("/metadata/name").asText() + ".default.svc.cluster.local",
                k8s.getProperty(KubernetesProperties.SERVICE_DNS.key()), "DNS mode, the headless service's name");
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getTcpIpConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertEquals(5701, config.getNetworkConfig().getPort());
        assertFalse(config.getNetworkConfig().isPortAutoIncrement());

        RestApiConfig rest = config.getNetworkConfig().getRestApiConfig();
        assertTrue(rest.isEnabled());
        for (RestEndpointGroup g : RestEndpointGroup.values()) {
            assertEquals(g == RestEndpointGroup.HEALTH_CHECK, rest.isGroupEnabled(g), g.name());
        }

        // gridlearn's settings still come on top of the file
        assertEquals(InMemoryFormat.OBJECT, config.getMapConfig(GridConfigs.DATA_MAP_PREFIX + "x").getInMemoryFormat());
        assertEquals(InMemoryFormat.BINARY, config.getMapConfig(GridConfigs.MODEL_FALLBACK_MAP).getInMemoryFormat());
        assertNotNull(config.getSerializationConfig().getJavaSerializationFilterConfig());
        assertTrue(config.getSerializationConfig().getSerializerConfigs().stream()
                .anyMatch(s -> s.getTypeClass() == RowBlock.class && s.getImplementation() instanceof RowBlockSerializer));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMemberFromTheConfigMapAnswersTheProbesAndNoOtherRestGroup() throws Exception {
        Config config = podConfig();
        // no cluster DNS here: the same member, found on loopback instead
        int port = freePort();
        config.setClusterName("k8s-yaml-" + port);
        config.getNetworkConfig().setPort(port);
        config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty(GridNode.SHUTDOWNHOOK_ENABLED, "false");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getKubernetesConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + port));
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/hazelcast/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), "readiness");
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(base + "/hazelcast/health/node-state"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, state.statusCode(), "liveness");
            assertTrue(state.body().contains("ACTIVE"), state.body());
            // a disabled group's URL gets no answer: Hazelcast closes the connection (5.4), or answers 403
            for (String other : new String[] {"/hazelcast/rest/cluster", "/hazelcast/rest/maps/gridlearn.datasets/x",
                    "/hazelcast/rest/management/cluster/state"}) {
                int status;
                String body;
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + other))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode();
                    body = r.body();
                } catch (IOException closed) {
                    status = -1;
                    body = closed.toString();
                }
                assertTrue(status == -1 || status == 403, other + " must be refused, got " + status + ": " + body);
            }
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/hazelcast/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "and the member is still ready");
        } finally {
            hz.getLifecycleService().terminate();
        }
    }
}
