package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridSettings;

/**
 * Starts the benchmark's embedded grids: {@code size} members in this JVM on loopback under a private cluster
 * name, no CP members (no model store is used), {@link LinearJobs#BACKUPS} backup; waits until every partition
 * has its backups, so no migration runs during a measurement.
 */
final class BenchGrid {
    private BenchGrid() {
    }

    /** A started grid of {@code size} members; {@code tag} makes the cluster name unique within this process. */
    static EmbeddedGrid start(int size, String tag, BenchReport report) {
        EmbeddedGrid grid = EmbeddedGrid.start("gridlearn-bench-" + ProcessHandle.current().pid() + tag, size, 0,
                LinearJobs.BACKUPS, GridSettings.DEFAULT_PORT);
        try {
            HazelcastInstance first = grid.first();
            if (first.getCluster().getMembers().size() != size) {
                throw new IllegalStateException("cluster has " + first.getCluster().getMembers().size() + " members");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!first.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            grid.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the grid started", e);
        } catch (RuntimeException e) {
            grid.close();
            throw e;
        }
        report.log("grid: %d members on loopback, backup-count %d, OBJECT format", size, LinearJobs.BACKUPS);
        return grid;
    }
}
