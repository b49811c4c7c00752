package io.gridlearn.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Several hosts on one Linux machine: network namespaces {@code 1..n}, each with its own network stack, its
 * loopback up and one interface {@code eth0} with the address {@code 10.77.0.i/24}, joined by veth pairs to a
 * bridge that lives in a namespace of its own (the hub). Nothing is added to the machine's own namespace, so
 * neither its routes nor its firewall (Docker's FORWARD policy, for one) come into play, the same subnet can
 * be used by concurrent runs, and deleting the namespaces deletes every veth and the bridge with them.
 *
 * <p>{@link #createOrSkip} aborts the calling test (a JUnit assumption, with the reason) where namespaces
 * cannot be made: not Linux, no {@code ip} binary (iproute2), not root / no CAP_SYS_ADMIN and CAP_NET_ADMIN,
 * no bridge or veth support in the kernel. It finds out by trying. Run as root on Linux (as on CI), where the
 * test is expected to run, any of these fails the test instead: a broken set-up is never a silent skip. {@link #close} (also run by a shutdown hook)
 * kills every process started here and deletes the namespaces; namespaces left behind by a test JVM that
 * died without cleaning up are removed by the next run (their names carry the creator's process id).
 */
final class NetNamespaces implements AutoCloseable {
    private static final String PREFIX = "gridlearn-test-";
    private static final String SUBNET = "10.77.0.";

    private final String id;
    private final int hosts;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "netns-cleanup");
    private boolean closed;

    private NetNamespaces(int hosts) {
        this.hosts = hosts;
        this.id = PREFIX + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24) | (1 << 24)).substring(1);
    }

    /** Makes {@code hosts} namespaces on one bridge, or aborts the test with the reason they cannot be made. */
    static NetNamespaces createOrSkip(int hosts) {
        Assumptions.assumeTrue(linux(), "network namespaces are Linux only; this is " + System.getProperty("os.name"));
        IpResult version = ip("-V");
        if (!version.ok()) {
            unavailable("no usable 'ip' binary (iproute2) to make network namespaces: " + version.output());
        }
        removeStale();
        NetNamespaces ns = new NetNamespaces(hosts);
        Runtime.getRuntime().addShutdownHook(ns.shutdownHook);
        try {
            ns.build();
            return ns;
        } catch (RuntimeException | Error e) {
            ns.close();
            throw e;
        }
    }

    /** The namespace of host {@code i} (1-based). */
    String namespace(int i) {
        if (i < 1 || i > hosts) {
            throw new IllegalArgumentException("host " + i + " of " + hosts);
        }
        return id + "-" + i;
    }

    /** The address of host {@code i} (1-based) on the bridge. */
    String address(int i) {
        namespace(i);
        return SUBNET + i;
    }

    /** {@code ip netns exec NAMESPACE command…}: the command runs inside host {@code i}'s network stack. */
    List<String> inHost(int i, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace(i)));
        cmd.addAll(command);
        return cmd;
    }

    /** Starts {@code command} in host {@code i}; {@link #close} kills it if it still runs. */
    Process start(int i, List<String> command, Path stdout, Path stderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(inHost(i, command)).redirectOutput(stdout.toFile());
        if (stderr == null) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(stderr.toFile());
        }
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Runs a short command in host {@code i} and returns its output; fails unless it exits 0 within 30 s. */
    String run(int i, List<String> command) {
        IpResult r = exec(inHost(i, command));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", inHost(i, command)) + " failed (" + r.exit() + "): "
                    + r.output());
        }
        return r.output();
    }

    private String hub() {
        return id + "-hub";
    }

    private void build() {
        make("netns", "add", hub());
        make("-n", hub(), "link", "add", "br0", "type", "bridge");
        make("-n", hub(), "link", "set", "br0", "up");
        for (int i = 1; i <= hosts; i++) {
            make("netns", "add", namespace(i));
            make("-n", namespace(i), "link", "set", "lo", "up");
            make("-n", hub(), "link", "add", "v" + i, "type", "veth", "peer", "name", "eth0", "netns", namespace(i));
            make("-n", hub(), "link", "set", "v" + i, "master", "br0", "up");
            make("-n", namespace(i), "addr", "add", address(i) + "/24", "dev", "eth0");
            make("-n", namespace(i), "link", "set", "eth0", "up");
        }
    }

    /** One step of the set-up; a failure means this machine cannot give us the network: skip, with the reason. */
    private void make(String... args) {
        if (args.length >= 3 && args[0].equals("netns") && args[1].equals("add")) {
            created.add(args[2]);
        }
        IpResult r = ip(args);
        if (!r.ok()) {
            close();
            unavailable("network namespaces cannot be made here (the test needs root, or CAP_SYS_ADMIN and "
                    + "CAP_NET_ADMIN, and bridge and veth support): 'ip " + String.join(" ", args) + "' said: "
                    + r.output().strip());
        }
    }

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** Whether this process runs as root (effective user id 0), read from {@code /proc/self/status}. */
    static boolean root() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")).anyMatch(f -> f.length > 2 && f[2].equals("0"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Namespaces cannot be made: a failure as root on Linux (they must work there), else a skip with the reason. */
    private static void unavailable(String reason) {
        if (linux() && root()) {
            throw new AssertionError("running as root on Linux, yet " + reason);
        }
        Assumptions.abort(reason);
    }

    /** Kills the processes started here and deletes the namespaces (with them the veths and the bridge). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> names = new ArrayList<>(created);
        Collections.reverse(names);
        names.forEach(NetNamespaces::delete);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    /** Kills whatever still runs in a namespace of ours (started by this class), then deletes it. */
    private static void delete(String namespace) {
        IpResult pids = ip("netns", "pids", namespace);
        if (pids.ok()) {
            pids.output().lines().map(String::strip).filter(s -> s.matches("\\d+"))
                    .forEach(pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
        }
        ip("netns", "del", namespace);
    }

    /** Namespaces of an earlier run whose JVM died before its clean-up (its process id is in the name). */
    private static void removeStale() {
        IpResult list = ip("netns", "list");
        if (!list.ok()) {
            return;
        }
        list.output().lines().map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith(PREFIX)).forEach(n -> {
            String pid = n.substring(PREFIX.length()).split("-")[0];
            if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                delete(n);
            }
        });
    }

    private record IpResult(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static IpResult ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    private static IpResult exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new IpResult(-1, "timed out");
            }
            return new IpResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new IpResult(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IpResult(-1, e.toString());
        }
    }
}
