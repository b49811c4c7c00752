package io.gridlearn.data.csv;

import io.gridlearn.GridlearnException;
import io.gridlearn.data.RowBlock;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The parallel part of an ingest: one reader thread cuts units, a fixed pool parses them, and the calling
 * thread commits blocks in order.
 *
 * <p>Order is kept by queueing each unit's future at the moment the reader cuts it; the caller takes
 * futures in that order, so the sink sees blocks 0, 1, 2, ... and the first error in the file (whether
 * found by the reader or a worker) is the one reported, whatever the thread timing. Memory is bounded by a
 * semaphore: the reader takes a permit before cutting a unit and the caller returns it only after the
 * sink has taken the block, so at most {@code maxBlocksInFlight} units or blocks exist at once.
 */
final class IngestPipeline {
    private static final Object END = new Object();
    private static final int CHUNK = 8 << 20;

    private final FileChannel channel;
    private final long dataStart;
    private final long dataEnd;
    private final long dataLine;
    private final long totalBytes;
    private final CsvOptions options;
    private final boolean[] categorical;
    private final CsvErrors errors;
    private final BlockSink sink;
    private final ProgressListener progress;
    private final IntConsumer onUnitCut;
    private final LevelTable[] levels;
    private final Semaphore permits;
    private final LinkedBlockingQueue<Object> ordered = new LinkedBlockingQueue<>();
    private final BufferPool buffers = new BufferPool();
    private volatile boolean cancelled;
    private ExecutorService workers;
    /** Every parse thread the pool made, joined by {@link #stop} so none outlives the call. */
    private final java.util.List<Thread> workerThreads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    IngestPipeline(FileChannel channel, long dataStart, long dataEnd, long dataLine, long totalBytes,
            CsvOptions options, boolean[] categorical, CsvErrors errors, BlockSink sink,
            ProgressListener progress, IntConsumer onUnitCut) {
        this.channel = channel;
        this.dataStart = dataStart;
        this.dataEnd = dataEnd;
        this.dataLine = dataLine;
        this.totalBytes = totalBytes;
        this.options = options;
        this.categorical = categorical;
        this.errors = errors;
        this.sink = sink;
        this.progress = progress;
        this.onUnitCut = onUnitCut;
        this.levels = new LevelTable[categorical.length];
        for (int c = 0; c < categorical.length; c++) {
            levels[c] = categorical[c] ? new LevelTable() : null;
        }
        this.permits = new Semaphore(blocksInFlight(options.maxBlocksInFlight(), options.blockSize(),
                categorical.length, Runtime.getRuntime().maxMemory()));
    }

    /**
     * {@code asked}, lowered so that the blocks in flight (a parsed block of {@code blockSize × cols} doubles and
     * its unit of raw bytes, counted as as many again) take at most a quarter of {@code maxHeap}: a client started
     * with a small heap (the launcher gives a thin-client load 2 GB) then parses a very wide CSV with fewer blocks
     * at once instead of running out of memory. Only the overlap changes, never the blocks.
     */
    static int blocksInFlight(int asked, int blockSize, int cols, long maxHeap) {
        long blockBytes = 2L * Double.BYTES * blockSize * Math.max(1, cols);
        return (int) Math.max(1, Math.min(asked, maxHeap / 4 / blockBytes));
    }

    /** Runs the ingest to the end; returns the number of data rows. */
    long run() {
        workers = Executors.newFixedThreadPool(options.threads(), CsvThreads.factory("parse", workerThreads::add));
        Thread reader = CsvThreads.newThread(this::readLoop, "reader");
        reader.start();
        try {
            return commitLoop();
        } finally {
            stop(reader);
        }
    }

    /** Per column, the categorical levels seen (empty for numeric columns). */
    List<List<String>> levels() {
        List<List<String>> out = new ArrayList<>();
        for (LevelTable t : levels) {
            out.add(t == null ? List.of() : t.levels());
        }
        return out;
    }

    private void readLoop() {
        try {
            ChunkScanner scanner = new ChunkScanner(channel, errors.file(), dataStart, dataEnd, dataLine, CHUNK,
                    buffers);
            for (int blockId = 0; ; blockId++) {
                permits.acquire();
                if (cancelled) {
                    return;
                }
                WorkUnit unit = scanner.next(options.blockSize(), blockId);
                if (unit == null) {
                    break;
                }
                onUnitCut.accept(blockId);
                ordered.put(workers.submit(() -> parse(unit)));
            }
            ordered.put(END);
        } catch (InterruptedException | ClosedByInterruptException | RejectedExecutionException e) {
            // Cancelled by the caller, who no longer reads the queue.
        } catch (Throwable t) {
            ordered.add(t);
        }
    }

    private ParsedBlock parse(WorkUnit unit) {
        if (cancelled) {
            return null;
        }
        try {
            return new BlockParser(categorical, errors).parse(unit);
        } finally {
            buffers.give(unit.data());
        }
    }

    private long commitLoop() {
        long rows = 0;
        while (true) {
            Object item = take();
            if (item == END) {
                break;
            }
            if (item instanceof Throwable t) {
                throw rethrow(t, "reading");
            }
            @SuppressWarnings("unchecked")
            ParsedBlock parsed = await((Future<ParsedBlock>) item);
            RowBlock block = commit(parsed);
            try {
                sink.accept(block);
            } catch (Exception e) {
                throw rethrow(e, "the block sink failed on block " + parsed.blockId() + " while reading");
            }
            rows += parsed.rows();
            permits.release();
            if (progress != null) {
                progress.progress(parsed.endOffset(), totalBytes);
            }
        }
        if (progress != null) {
            progress.progress(totalBytes, totalBytes);
        }
        return rows;
    }

    /** Replaces block-local categorical codes by file-wide ones; only here is the order of first appearance known. */
    private RowBlock commit(ParsedBlock parsed) {
        final int rows = parsed.rows();
        final double[] values = parsed.values();
        for (int c = 0; c < levels.length; c++) {
            if (levels[c] == null) {
                continue;
            }
            String[] local = parsed.localLevels()[c];
            int[] global = new int[local.length];
            for (int k = 0; k < local.length; k++) {
                global[k] = levels[c].code(local[k]);
            }
            for (int i = c * rows, end = i + rows; i < end; i++) {
                double x = values[i];
                if (x == x) {
                    values[i] = global[(int) x];
                }
            }
        }
        return new RowBlock(parsed.blockId(), rows, levels.length, values);
    }

    private Object take() {
        try {
            return ordered.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException(errors.file() + ": interrupted while reading");
        }
    }

    private ParsedBlock await(Future<ParsedBlock> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException(errors.file() + ": interrupted while reading");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause(), "parsing");
        }
    }

    /** Unchecked exceptions (user errors included) pass unchanged; checked ones are wrapped. */
    private RuntimeException rethrow(Throwable t, String doing) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        String detail = t instanceof IOException ? t.toString() : String.valueOf(t);
        return new GridlearnException(errors.file() + ": " + doing + " failed: " + detail, t);
    }

    /** Stops both thread kinds and waits for them, so no parse thread outlives the call, even on failure. */
    private void stop(Thread reader) {
        cancelled = true;
        reader.interrupt();
        workers.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                workers.awaitTermination(1, TimeUnit.MINUTES);
                // a terminated pool may still have threads on their way out: wait for them to be gone
                for (Thread t : workerThreads) {
                    t.join();
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
