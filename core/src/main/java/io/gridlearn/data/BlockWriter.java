package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores a new dataset's blocks, in order, into a fresh map no one else can see, then publishes the schema
 * that makes the dataset visible. {@link #abort()} (or any failure) destroys the map, so a failed load
 * leaves nothing behind. Writes are asynchronous with a bounded number in flight, so the driver's memory
 * stays bounded whatever the file size.
 */
public final class BlockWriter implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 8;

    private final DatasetCatalog catalog;
    private final String name;
    private final int blockSize;
    private final String mapName;
    private final IMap<Integer, RowBlock> map;
    private final Deque<CompletionStage<Void>> inFlight = new ArrayDeque<>();
    private final Fingerprint fingerprint = new Fingerprint();
    private int nextBlock;
    private int written;
    private final List<int[]> ranges = new java.util.ArrayList<>();
    private long rows;
    private int cols = -1;
    private boolean done;

    BlockWriter(DatasetCatalog catalog, HazelcastInstance hz, String name, int blockSize) {
        this.catalog = catalog;
        this.name = DatasetSchema.checkName(name);
        this.blockSize = blockSize;
        if (catalog.find(name).isPresent()) {
            throw new BadInputException("dataset '" + name + "' already exists; drop it first or choose another name");
        }
        this.mapName = io.gridlearn.grid.GridConfigs.DATA_MAP_PREFIX + name + "." + UUID.randomUUID().toString().substring(0, 8);
        this.map = hz.getMap(mapName);
    }

    /**
     * Stores the next block; blocks come in ascending id order with 1 to blockSize rows each: 0, 1, 2, … for
     * a load, or the ids of a source dataset with gaps (predictions keep their source's block ids).
     *
     * @param block the next block: id at least one past the previous block's, 1 to blockSize rows, the same column
     *              count as every block before
     * @throws IllegalStateException if the writer was published or aborted
     * @throws IllegalArgumentException if the block breaks one of those rules
     */
    public void write(RowBlock block) {
        if (done) {
            throw new IllegalStateException("writer is closed");
        }
        if (block.blockId() < nextBlock) {
            throw new IllegalArgumentException("expected block " + nextBlock + " or later, got " + block.blockId());
        }
        if (block.rows() > blockSize || block.rows() == 0) {
            throw new IllegalArgumentException("a block has 1 to " + blockSize + " rows, got " + block.rows());
        }
        if (cols >= 0 && block.cols() != cols) {
            throw new IllegalArgumentException("block has " + block.cols() + " columns, expected " + cols);
        }
        cols = block.cols();
        fingerprint.add(block);
        while (inFlight.size() >= maxInFlight(block, Runtime.getRuntime().maxMemory())) {
            await(inFlight.removeFirst());
        }
        inFlight.addLast(map.setAsync(block.blockId(), block));
        int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && last[1] + 1 == block.blockId()) {
            last[1] = block.blockId();
        } else {
            ranges.add(new int[] {block.blockId(), block.blockId()});
        }
        nextBlock = block.blockId() + 1;
        written++;
        rows += block.rows();
    }

    /**
     * Waits for every write, checks that the grid holds every block, and makes the dataset visible.
     *
     * @param columns one spec per column of the blocks, in order
     * @param source  where the rows came from (a file name), for the schema and messages; may be null
     * @return the published schema
     * @throws io.gridlearn.BadInputException if no row was written or the name was taken meanwhile
     * @throws io.gridlearn.GridlearnException if the grid does not hold every block written; on any failure the map is
     *                                         destroyed
     */
    public DatasetSchema publish(List<ColumnSpec> columns, String source) {
        try {
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
            if (rows == 0) {
                throw new BadInputException((source == null ? "input" : source) + ": no data rows");
            }
            if (columns.size() != cols) {
                throw new IllegalArgumentException(columns.size() + " column specs for blocks of " + cols + " columns");
            }
            int stored = map.size();
            if (stored != written) {
                throw new GridlearnException("dataset '" + name + "': the grid holds " + stored + " of " + written
                        + " blocks after loading (members lost during the load?)");
            }
            StringBuilder layout = new StringBuilder();
            for (int[] r : ranges) {
                layout.append(layout.length() == 0 ? "" : ",").append(r[0]).append('-').append(r[1]);
            }
            DatasetSchema schema = new DatasetSchema(name, mapName, columns, rows, written, blockSize,
                    fingerprint.hex(columns), source, Instant.now().toString(), BlockIds.parse(layout.toString()),
                    nextBlock);
            catalog.publish(schema);
            done = true;
            return schema;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Discards everything written so far. Safe to call more than once. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        for (CompletionStage<Void> f : inFlight) {
            try {
                f.toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the map is destroyed below either way
            }
        }
        inFlight.clear();
        map.destroy();
    }

    /** Same as {@link #abort()}: discards everything unless the dataset was published. */
    @Override
    public void close() {
        abort();
    }

    /**
     * Writes in flight: {@value #MAX_IN_FLIGHT}, or fewer when that many of these blocks would take more than an
     * eighth of {@code maxHeap} (a block in flight exists as its values and about twice again as serialized
     * bytes until the write completes), so a client with a small heap sends very wide blocks fewer at a time.
     */
    static int maxInFlight(RowBlock block, long maxHeap) {
        long bytes = 3L * Double.BYTES * Math.max(1, block.values().length);
        return (int) Math.max(1, Math.min(MAX_IN_FLIGHT, maxHeap / 8 / bytes));
    }

    private static void await(CompletionStage<Void> f) {
        try {
            f.toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while storing blocks", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new GridlearnException("storing a block failed: " + e.getMessage(), e);
        }
    }
}
