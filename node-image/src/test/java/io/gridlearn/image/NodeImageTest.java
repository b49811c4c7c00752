package io.gridlearn.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The node's OCI image as Jib wrote it ({@code target/gridlearn-node-image.tar}, an OCI image layout in a tar):
 * every blob matches its digest, the configuration starts the node's jar with the jlinked runtime, the Vector API
 * module and {@code -XX:+ExitOnOutOfMemoryError}, and the layers hold that runtime, the libraries it loads and
 * the very jar grid-nodes built. The slow test unpacks the layers and starts the entry point in a chroot of
 * them alone, as a container runtime would.
 */
class NodeImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Blobs of the archive by digest ({@code sha256:...}). */
    private static final Map<String, byte[]> BLOBS = new LinkedHashMap<>();
    private static JsonNode index;
    private static JsonNode manifest;
    private static JsonNode config;
    /** The image's file system: every layer's entries, later layers over earlier ones. */
    private static final Map<String, Tar.Entry> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void readImage() throws Exception {
        Path tar = Path.of(System.getProperty("gridlearn.image.tar", "target/gridlearn-node-image.tar"));
        assertTrue(Files.isRegularFile(tar), tar + " was not built");
        Map<String, byte[]> top = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            for (Tar.Entry e : Tar.read(in)) {
                top.put(e.name(), e.content());
            }
        }
        assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}",
                JSON.readTree(top.get("oci-layout")).toString(), "an OCI image layout");
        top.forEach((name, bytes) -> {
            if (name.startsWith("blobs/sha256/")) {
                BLOBS.put("sha256:" + name.substring("blobs/sha256/".length()), bytes);
            }
        });
        index = JSON.readTree(top.get("index.json"));
        assertEquals(1, index.get("manifests").size());
        manifest = JSON.readTree(blob(index.get("manifests").get(0).get("digest").asText()));
        config = JSON.readTree(blob(manifest.get("config").get("digest").asText()));
        for (JsonNode layer : manifest.get("layers")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(blob(layer.get("digest").asText())))) {
                for (Tar.Entry e : Tar.read(in)) {
                    FILES.put(e.name(), e);
                }
            }
        }
    }

    private static byte[] blob(String digest) {
        byte[] b = BLOBS.get(digest);
        assertNotNull(b, "the archive has no blob " + digest);
        return b;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> entrypoint() {
        return strings(config.get("config").get("Entrypoint"));
    }

    @Test
    void everyBlobMatchesItsDigestAndTheManifestNamesTheImage() throws Exception {
        for (Map.Entry<String, byte[]> b : BLOBS.entrySet()) {
            assertEquals(b.getKey(), sha256(b.getValue()), "blob content vs its name");
        }
        assertEquals("application/vnd.oci.image.manifest.v1+json", index.get("manifests").get(0).get("mediaType").asText());
        assertTrue(index.get("manifests").get(0).get("annotations").get("org.opencontainers.image.ref.name").asText()
                .startsWith("gridlearn-node:"), index.toString());
        assertEquals(manifest.get("layers").size(), config.get("rootfs").get("diff_ids").size(),
                "one diff id per layer");
        assertEquals("linux", config.get("os").asText());
        assertEquals("amd64", config.get("architecture").asText());
    }

    @Test
    void theEntryPointStartsTheNodeJarWithTheVectorModuleAndExitsOnOutOfMemory() {
        List<String> ep = entrypoint();
        assertEquals("/opt/java/bin/java", ep.get(0), ep.toString());
        int add = ep.indexOf("--add-modules");
        assertTrue(add > 0 && ep.get(add + 1).equals("jdk.incubator.vector"), ep.toString());
        assertTrue(ep.contains("-XX:+ExitOnOutOfMemoryError"), ep.toString());
        int jar = ep.indexOf("-jar");
        assertEquals(ep.size() - 2, jar, "the jar comes last, so that the container's arguments are the node's: " + ep);
        assertEquals("/opt/gridlearn/gridlearn-node.jar", ep.get(jar + 1));
        JsonNode c = config.get("config");
        assertTrue(c.get("ExposedPorts").has("5701/tcp"), c.toString());
        assertFalse(c.get("User").asText().startsWith("0"), "the member does not run as root: " + c.get("User"));
    }

    @Test
    void theLayersHoldTheRuntimeAndTheJarTheEntryPointNames() throws Exception {
        Tar.Entry java = FILES.get("opt/java/bin/java");
        assertNotNull(java, "bin/java of the runtime");
        assertTrue(java.executable(), "bin/java is executable: " + Integer.toOctalString(java.mode()));
        String release = new String(FILES.get("opt/java/release").content(), StandardCharsets.UTF_8);
        assertTrue(release.contains("jdk.incubator.vector"), "the runtime has the Vector API module: " + release);
        assertTrue(release.contains("java.management"), release);
        assertNotNull(FILES.get("opt/java/lib/server/libjvm.so"));

        Tar.Entry jar = FILES.get(entrypoint().get(entrypoint().size() - 1).substring(1));
        assertNotNull(jar, "the jar the entry point names");
        byte[] built = Files.readAllBytes(Path.of(System.getProperty("gridlearn.node.jar",
                "../grid-nodes/target/gridlearn-node.jar")));
        assertArrayEquals(built, jar.content(), "the image carries the jar grid-nodes built");

        // FROM scratch: the loader the runtime's ELF files name, and the C library, come with the image
        Tar.Entry loader = FILES.get("lib64/ld-linux-x86-64.so.2");
        assertNotNull(loader, "the dynamic loader");
        assertTrue(loader.executable());
        assertNotNull(FILES.get("lib/x86_64-linux-gnu/libc.so.6"), "the C library");
        assertTrue(FILES.keySet().stream().noneMatch(n -> n.contains("libawt")), "no AWT libraries in a member");
    }

    /** Unpacks the layers into {@code root}, keeping the permission bits. */
    private static void unpack(Path root) throws IOException {
        for (Tar.Entry e : FILES.values()) {
            Path p = root.resolve(e.name());
            switch (e.type()) {
                case Tar.DIRECTORY -> Files.createDirectories(p);
                case Tar.SYMLINK -> {
                    Files.createDirectories(p.getParent());
                    Files.createSymbolicLink(p, Path.of(e.linkName()));
                }
                default -> {
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.content());
                }
            }
            if (e.type() != Tar.SYMLINK) {
                Files.setPosixFilePermissions(p, permissions(e.mode()));
            }
        }
        Files.createDirectories(root.resolve("proc"));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, bit 8 down to 0
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                s.add(all[i]);
            }
        }
        return s;
    }

    /** The signal masks of a process, for a failure message. */
    private static String signals(long pid) {
        try {
            return String.join(" ", Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("SigIgn") || l.startsWith("SigBlk") || l.startsWith("SigCgt")).toList());
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * The container as a runtime would start it, without one: the layers alone as the root file system
     * (chroot, a fresh /proc), as the image's user, with the image's entry point and a node's arguments. It
     * must come up as a member, accept connections on its port, and leave gracefully on SIGTERM.
     */
    @Test
    @Tag("slow")
    void theUnpackedImageStartsAMemberAndLeavesGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && onPath("chroot") && onPath("unshare"),
                "needs root, chroot and unshare (util-linux) to run the image's file system alone");
        Path root = dir.resolve("rootfs");
        unpack(root);
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--mount-proc=" + root.resolve("proc"),
                "chroot", "--userspec=" + config.get("config").get("User").asText(), root.toString()));
        cmd.addAll(entrypoint());
        cmd.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--cluster-name", "image-test"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> leaving = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("gridlearn node ") && line.contains("in cluster 'image-test'")) {
                        started.complete(null);
                    }
                    if (line.startsWith("gridlearn node leaving the cluster (GRACEFUL)")) {
                        leaving.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            started.get(120, TimeUnit.SECONDS);
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertTrue(s.isConnected(), "the member listens on its port");
            }
            // SIGTERM through the handle: Process.destroy() would also close the pipe this test reads
            assertTrue(p.toHandle().destroy(), "SIGTERM sent");
            leaving.get(60, TimeUnit.SECONDS);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the member exits after leaving");
        } catch (Exception | AssertionError e) {
            synchronized (lines) {
                throw new AssertionError("the image's node did not start and stop as expected (signals: "
                        + signals(p.pid()) + "; this JVM's: " + signals(ProcessHandle.current().pid()) + "); it said:\n"
                        + String.join("\n", lines), e);
            }
        } finally {
            p.destroyForcibly();
            reader.join(10_000);
        }
    }
}
