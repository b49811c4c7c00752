package io.gridlearn.grid;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * N real members in this process, on loopback: the first takes the first free port from 5701 (or the given
 * one), the others join it by address. Used by the command line's embedded mode, the example, the benchmarks
 * and the real-member tests. {@link #close()} terminates every member.
 */
public final class EmbeddedGrid implements AutoCloseable {
    private final List<HazelcastInstance> members = new ArrayList<>();

    private EmbeddedGrid() {
    }

    /**
     * Starts {@code size} members on loopback that join each other; on a failure, stops those already started.
     *
     * @param clusterName a name no other grid on this machine uses (members refuse other names)
     * @param size        members to start
     * @param cpMembers   CP member count (0 small-grid mode, models in a map; ≥ 3 Raft; ignored where the build has no CP)
     * @param backups     backups of every data block
     * @param firstPort   port to try first
     * @return the running grid
     */
    public static EmbeddedGrid start(String clusterName, int size, int cpMembers, int backups, int firstPort) {
        EmbeddedGrid grid = new EmbeddedGrid();
        try {
            GridSettings first = new GridSettings(clusterName, "127.0.0.1", firstPort, true, List.of(), cpMembers, backups);
            HazelcastInstance m0 = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(first));
            grid.members.add(m0);
            int port = m0.getCluster().getLocalMember().getAddress().getPort();
            GridSettings rest = first.withMembers(List.of("127.0.0.1:" + port), cpMembers).withPort(port + 1, true);
            List<CompletableFuture<HazelcastInstance>> starting = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                starting.add(CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(rest))));
            }
            for (CompletableFuture<HazelcastInstance> f : starting) {
                grid.members.add(f.join());
            }
            return grid;
        } catch (RuntimeException e) {
            grid.close();
            throw e;
        }
    }

    /**
     * The members, first one first; a caller may terminate some (tests of member loss).
     *
     * @return the started members, in start order (a live list)
     */
    public List<HazelcastInstance> members() {
        return members;
    }

    /**
     * The first member started.
     *
     * @return the member every other member joined
     */
    public HazelcastInstance first() {
        return members.get(0);
    }

    /**
     * {@code host:port} of every live member.
     *
     * @return the addresses of the members that are running, in start order
     */
    public List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (HazelcastInstance m : members) {
            if (m.getLifecycleService().isRunning()) {
                out.add("127.0.0.1:" + m.getCluster().getLocalMember().getAddress().getPort());
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            m.getLifecycleService().terminate();
        }
    }
}
