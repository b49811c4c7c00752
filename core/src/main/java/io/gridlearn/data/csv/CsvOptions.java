package io.gridlearn.data.csv;

import io.gridlearn.BadInputException;

/**
 * Tuning for {@link CsvIngest}.
 *
 * <p>Options usually come from command-line flags, so a bad value is the user's error
 * ({@link BadInputException}, exit status 2) and the message says what is allowed.
 *
 * @param blockSize rows per {@link io.gridlearn.data.RowBlock}; row ids are {@code blockId × blockSize + r},
 *     so this is fixed for a whole dataset
 * @param sampleRows how many leading data rows decide whether a column is numeric or categorical; a larger
 *     sample costs a little startup time but makes "text in a numeric column" errors rarer
 * @param threads parse threads; the reader and the committing caller are extra threads that use little CPU
 * @param maxBlocksInFlight how many blocks may exist between reading and the sink at once; this, not the
 *     file size, bounds the memory used, so files larger than the heap load
 */
public record CsvOptions(int blockSize, int sampleRows, int threads, int maxBlocksInFlight) {
    /** The default rows per block: large enough to amortise per-block costs, small enough to spread work. */
    public static final int DEFAULT_BLOCK_SIZE = 4096;
    /** The default type-inference sample. */
    public static final int DEFAULT_SAMPLE_ROWS = 1000;
    /** More threads than this only add contention on the single reader. */
    public static final int MAX_THREADS = 1024;

    /**
     * Checks every option, with a message that names it.
     *
     * @param blockSize rows per block, at least 1
     * @param sampleRows rows of the type-inference sample, at least 1
     * @param threads parse threads, 1 to {@value #MAX_THREADS}
     * @param maxBlocksInFlight blocks held in memory at once, at least 1
     * @throws BadInputException for a value out of range
     */
    public CsvOptions {
        if (blockSize < 1) {
            throw new BadInputException("blockSize must be at least 1 row per block, was " + blockSize);
        }
        if (sampleRows < 1) {
            throw new BadInputException(
                    "sampleRows must be at least 1 (rows used to infer column types), was " + sampleRows);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new BadInputException(
                    "threads must be between 1 and " + MAX_THREADS + " parse threads, was " + threads);
        }
        if (maxBlocksInFlight < 1) {
            throw new BadInputException(
                    "maxBlocksInFlight must be at least 1 block held in memory at once, was " + maxBlocksInFlight);
        }
    }

    /**
     * One parse thread per core, and two blocks in flight per thread plus two so that every worker has the
     * next unit queued while the caller commits, without letting memory grow with the file.
     *
     * @return the default options for this machine
     */
    public static CsvOptions defaults() {
        return withThreadsDefaults(DEFAULT_BLOCK_SIZE, DEFAULT_SAMPLE_ROWS,
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * These options with another block size.
     *
     * @param rows rows per block
     * @return the new options
     */
    public CsvOptions withBlockSize(int rows) {
        return new CsvOptions(rows, sampleRows, threads, maxBlocksInFlight);
    }

    /**
     * These options with another type-inference sample.
     *
     * @param rows leading data rows that decide the column kinds
     * @return the new options
     */
    public CsvOptions withSampleRows(int rows) {
        return new CsvOptions(blockSize, rows, threads, maxBlocksInFlight);
    }

    /**
     * These options with another number of parse threads. Also resets {@code maxBlocksInFlight} to its
     * default for that many threads, which keeps them all busy.
     *
     * @param parseThreads parse threads
     * @return the new options
     */
    public CsvOptions withThreads(int parseThreads) {
        return withThreadsDefaults(blockSize, sampleRows, parseThreads);
    }

    /**
     * These options with another bound on the blocks in memory.
     *
     * @param blocks blocks that may exist between reading and the sink at once
     * @return the new options
     */
    public CsvOptions withMaxBlocksInFlight(int blocks) {
        return new CsvOptions(blockSize, sampleRows, threads, blocks);
    }

    private static CsvOptions withThreadsDefaults(int blockSize, int sampleRows, int threads) {
        return new CsvOptions(blockSize, sampleRows, threads, 2 * threads + 2);
    }
}
