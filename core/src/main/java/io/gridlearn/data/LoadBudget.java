package io.gridlearn.data;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Refuses a CSV load that will not fit in the members' heap before a row is sent, instead of letting the members
 * run out of memory. The stored size is estimated as
 * <pre>
 *     need = rows × columns × {@value #BYTES_PER_VALUE} bytes × (1 + backups)
 * </pre>
 * with rows estimated from the file's size and the mean length of its first lines, and {@value #BYTES_PER_VALUE}
 * bytes the measured heap cost of a stored value (BENCHMARKS.md: 8.03 bytes per value per copy, plus block
 * headers). The members can take {@code Σ (max heap − live bytes) − }{@value #HEADROOM}{@code × Σ max heap}: a
 * fifth of every heap stays free for the work that follows (passes, merges, Hazelcast itself). Members that share
 * one JVM (an embedded grid) are counted once.
 */
public final class LoadBudget {
    /** Heap bytes per stored value per copy, rounded up from the measured 8.03 to cover block headers. */
    static final double BYTES_PER_VALUE = 8.5;
    /** The share of the members' heap that a load must leave free. */
    static final double HEADROOM = 0.2;
    private static final String EXECUTOR = "gridlearn.heap";
    private static final int SAMPLES = 16;
    private static final int CHUNK = 1 << 16;

    private LoadBudget() {
    }

    /** The members' heap, counted once per JVM. */
    record Heap(long max, long live, int backups) {
        long available() {
            return Math.max(0, max - live) - (long) (HEADROOM * max);
        }
    }

    /**
     * Refuses loading {@code file} when its estimated size does not fit in the members' heap.
     *
     * @param hz   a member or client of the grid
     * @param file the CSV about to be loaded
     * @throws BadInputException naming the estimate and what the members have, when it does not fit
     */
    public static void check(HazelcastInstance hz, Path file) {
        long[] shape;
        try {
            shape = estimate(file);
        } catch (UncheckedIOException e) {
            return; // the loader reports an unreadable file in its own words
        }
        if (shape[0] == 0) {
            return;
        }
        verdict(shape[0], (int) shape[1], members(hz), file.getFileName().toString());
    }

    /** The members' heap: max and live bytes summed over distinct JVMs, and the data backup count. */
    static Heap members(HazelcastInstance hz) {
        IExecutorService executor = hz.getExecutorService(EXECUTOR);
        Map<Member, Future<long[]>> replies = executor.submitToAllMembers(new HeapTask());
        Map<Long, long[]> byJvm = new HashMap<>();
        int backups = 0;
        for (Map.Entry<Member, Future<long[]>> e : replies.entrySet()) {
            try {
                long[] h = e.getValue().get();
                byJvm.putIfAbsent(h[2], h);
                backups = Math.max(backups, (int) h[3]);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new GridlearnException("interrupted while asking the members for their heap", ex);
            } catch (ExecutionException ex) {
                throw new GridlearnException("asking member " + e.getKey().getAddress() + " for its heap failed: "
                        + ex.getCause(), ex.getCause());
            }
        }
        long max = 0;
        long live = 0;
        for (long[] h : byJvm.values()) {
            max += h[0];
            live += h[1];
        }
        return new Heap(max, live, backups);
    }

    /**
     * Refuses when {@code rows × columns} values, with backups, need more than the members can take.
     *
     * @throws BadInputException naming what the data needs and what the members have
     */
    static void verdict(long rows, int columns, Heap heap, String what) {
        double need = rows * (double) columns * BYTES_PER_VALUE * (1 + heap.backups());
        if (need > heap.available()) {
            throw new BadInputException(String.format(Locale.ROOT, "%s will not fit in the members' heap: about "
                            + "%,d rows × %d columns need %s with %d backup(s), and the members have %s free of %s "
                            + "(keeping %d%% free for the work that follows); give the members more heap (-Xmx), add "
                            + "members, or load fewer rows. Nothing was loaded", what, rows, columns, mb(need),
                    heap.backups(), mb(Math.max(0, heap.max() - heap.live())), mb(heap.max()),
                    Math.round(HEADROOM * 100)));
        }
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    /**
     * {@code [estimated rows, columns]} of a CSV with a header row: the header's fields, and the data's size times
     * the density of line ends in {@value #SAMPLES} chunks of {@value #CHUNK} bytes spread evenly through the file
     * (the whole file when it is smaller), so that rows that grow longer down the file are counted fairly.
     */
    static long[] estimate(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            String header;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                header = in.readLine();
            }
            if (header == null) {
                return new long[] {0, 0};
            }
            int columns = header.split(",", -1).length;
            long start = header.getBytes(StandardCharsets.UTF_8).length + 1L;
            long size = ch.size() - start;
            if (size <= 0) {
                return new long[] {0, columns};
            }
            long bytes = 0;
            long ends = 0;
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(CHUNK);
            if (size <= (long) SAMPLES * CHUNK) { // small: count every line end
                byte last = '\n';
                for (long at = start; at < ch.size(); at += CHUNK) {
                    buf.clear();
                    int n = ch.read(buf, at);
                    for (int b = 0; b < n; b++) {
                        last = buf.get(b);
                        if (last == '\n') {
                            ends++;
                        }
                    }
                }
                return new long[] {Math.max(1, ends + (last != '\n' ? 1 : 0)), columns};
            }
            for (int k = 0; k < SAMPLES; k++) {
                buf.clear();
                int n = ch.read(buf, start + (size - CHUNK) * k / (SAMPLES - 1));
                for (int b = 0; b < n; b++) {
                    if (buf.get(b) == '\n') {
                        ends++;
                    }
                }
                bytes += Math.max(0, n);
            }
            return new long[] {Math.max(1, Math.round(size * (ends / (double) bytes))), columns};
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the loader reports an unreadable file itself
        }
    }
}
