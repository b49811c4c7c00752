package io.gridlearn.data;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One JVM's share of a pass run by {@link MemberPasses}: the pass's aggregator (its settings, received once per
 * member) and a few working copies of it, into which the per-partition {@link PoolAggregator}s of this JVM add
 * their blocks. Hazelcast clones an aggregator by serialization for each partition it scans (271 by default),
 * and each clone would allocate, zero and return its own statistic; here a clone only borrows a working copy for
 * one block, so a JVM allocates as many statistics as it runs scans at once (its cores), not one per partition.
 *
 * <p>Each working copy records the ids of the blocks it added, after adding them: a copy that failed mid-block is
 * marked broken and never reused. {@link #drain} hands the copies' merge and their block ids to the caller, which
 * accepts the pass only when every block of the dataset was added exactly once over all JVMs and no copy broke.
 * Members that share a JVM (an embedded grid) share its pool: the first drain takes all of it and the others find
 * nothing, which the caller's exactly-once check accepts alike. A pool not drained (its caller died) is dropped
 * once it has been idle for {@link #IDLE_NANOS}, at the next pass opened in this JVM.
 */
final class MemberPool {
    /** How long a pool may sit unused before a later pass drops it. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final Map<Long, MemberPool> POOLS = new ConcurrentHashMap<>();

    private final BlockPassAggregator<?> prototype;
    private final SerializationService serialization;
    /** The prototype's serialized form, made when a second working copy is needed. */
    private Data prototypeData;
    private boolean prototypeLent;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Worker> all = new ConcurrentLinkedQueue<>();
    private volatile long touched = System.nanoTime();
    private volatile boolean closed;

    /** A working copy of the pass's aggregator and the blocks it added; used by one thread at a time. */
    private static final class Worker {
        final BlockPassAggregator<?> aggregator;
        int[] blocks = new int[16];
        int count;
        boolean broken;

        Worker(BlockPassAggregator<?> aggregator) {
            this.aggregator = aggregator;
        }
    }

    private MemberPool(BlockPassAggregator<?> prototype, SerializationService serialization) {
        this.prototype = prototype;
        this.serialization = serialization;
    }

    /**
     * Opens a pass in this JVM (once: members sharing the JVM find it open) and drops pools idle too long.
     *
     * @param pass          the pass's id
     * @param prototype     the pass's aggregator, empty
     * @param serialization this JVM's serialization service, to make working copies
     */
    static void open(long pass, BlockPassAggregator<?> prototype, SerializationService serialization) {
        long now = System.nanoTime();
        POOLS.values().removeIf(p -> now - p.touched > IDLE_NANOS);
        POOLS.putIfAbsent(pass, new MemberPool(prototype, serialization));
    }

    /**
     * Adds a block to a working copy of the pass.
     *
     * @param pass  the pass's id
     * @param block the block
     * @return false when the pass is not open in this JVM (nothing was added)
     */
    static boolean accumulate(long pass, RowBlock block) {
        MemberPool p = POOLS.get(pass);
        if (p == null) {
            return false;
        }
        p.touched = System.nanoTime();
        Worker w = p.idle.poll();
        if (w == null) {
            w = new Worker(p.copy());
            p.all.add(w);
        }
        synchronized (w) {
            if (p.closed) {
                return false;
            }
            boolean done = false;
            try {
                w.aggregator.accumulate(Map.entry(block.blockId(), block));
                if (w.count == w.blocks.length) {
                    w.blocks = Arrays.copyOf(w.blocks, 2 * w.count);
                }
                w.blocks[w.count++] = block.blockId();
                done = true;
            } finally {
                if (done) {
                    p.idle.offer(w);
                } else {
                    w.broken = true;
                }
            }
        }
        return true;
    }

    /** A fresh working copy: the prototype itself first, then copies of it by serialization. */
    private synchronized BlockPassAggregator<?> copy() {
        if (!prototypeLent) {
            prototypeLent = true;
            prototypeData = serialization.toData(prototype); // before any block is added to it
            return prototype;
        }
        return serialization.toObject(prototypeData);
    }

    /**
     * Closes a pass in this JVM and returns what its working copies gathered: their merge (exact, as every
     * {@link BlockPassAggregator#combine}) and the ids of the blocks they added.
     *
     * @param pass the pass's id
     * @return this JVM's share; empty when the pass is not open here (another member in this JVM drained it, or
     *         it was never opened)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PoolShare drain(long pass) {
        MemberPool p = POOLS.remove(pass);
        if (p == null) {
            return new PoolShare(new int[0], false, null);
        }
        p.closed = true;
        BlockPassAggregator merged = null;
        int[] ids = new int[0];
        boolean broken = false;
        for (Worker w : p.all) {
            synchronized (w) {
                broken |= w.broken;
                if (merged == null) {
                    merged = w.aggregator;
                } else {
                    merged.combine(w.aggregator);
                }
                int n = ids.length;
                ids = Arrays.copyOf(ids, n + w.count);
                System.arraycopy(w.blocks, 0, ids, n, w.count);
            }
        }
        Arrays.sort(ids);
        return new PoolShare(ids, broken, merged);
    }

    /**
     * Pools open in this JVM (for tests).
     *
     * @return the count
     */
    static int open() {
        return POOLS.size();
    }
}
