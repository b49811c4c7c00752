package io.gridlearn.bench;

import io.gridlearn.BadInputException;

import java.nio.file.Path;
import java.util.List;

/**
 * What one end-to-end run measures: the synthetic data's size, the embedded grid's size and block size, the
 * row counts at which bytes per pass are measured, which suites run, and where the CSV is written.
 *
 * @param rows      rows of synthetic data (the same for both suites)
 * @param features  feature columns; every dataset also stores the target y, so {@code features + 1} columns
 * @param members   members of the embedded grid (all in this JVM, on loopback)
 * @param blockSize rows per stored block
 * @param bytesRows row counts at which the bytes sent per linear pass are measured (each between 1 and rows)
 * @param linear    load, memory, linear fits, in-grid predict and bytes per pass (BENCHMARKS.md tables 2-4)
 * @param iterative one logistic Newton iteration, one Lloyd iteration, whole fits (BENCHMARKS.md §5)
 * @param scaling   the Cholesky fit on 1 … members members at {@code rows}, then against n on {@code members}
 *                  members ({@link ScalingJobs}); only with {@code --suite scaling}, never part of {@code all}
 * @param scalingRows the row counts of the scaling suite's curve, ascending (each at least the minimum rows)
 * @param tempDir   parent of the temporary directory that holds the CSV (deleted afterwards)
 */
public record BenchmarkSettings(int rows, int features, int members, int blockSize, List<Long> bytesRows,
                                boolean linear, boolean iterative, boolean scaling, List<Integer> scalingRows,
                                Path tempDir) {
    /** The defaults of BENCHMARKS.md: 1,000,000 × 50, 3 members (blocks of 4096: {@code CsvOptions.DEFAULT_BLOCK_SIZE}). */
    public static final int DEFAULT_ROWS = 1_000_000;
    /** The features unless set: {@value}. */
    public static final int DEFAULT_FEATURES = 50;
    /** The embedded grid's members unless set: {@value}. */
    public static final int DEFAULT_MEMBERS = 3;
    /** Bytes per pass are measured at this many rows as well as at all of them, when there are more. */
    public static final int SMALL_BYTES_ROWS = 250_000;
    /** At least this many rows, so every learner has data (k-means picks 8 centres, the loop's Cholesky needs rows > d). */
    public static final int MIN_ROWS = 100;
    /** The scaling suite's curve: fit time against n at these row counts (issue 6: 250k to 4M). */
    public static final List<Integer> DEFAULT_SCALING_ROWS = List.of(250_000, 500_000, 1_000_000, 2_000_000, 4_000_000);

    /**
     * {@link #of(int, int, int, int, List, String, List, Path)} with the default scaling rows.
     *
     * @param rows      rows of synthetic data
     * @param features  feature columns, ≥ 1
     * @param members   members of the embedded grid, 1 to 16
     * @param blockSize rows per stored block, ≥ 1
     * @param bytesRows row counts at which bytes per pass are measured, or null for the default
     * @param suite     {@code all}, {@code linear}, {@code iterative} or {@code scaling}
     * @param tempDir   parent of the temporary directory that holds the CSV
     * @return the checked settings
     */
    public static BenchmarkSettings of(int rows, int features, int members, int blockSize, List<Long> bytesRows,
                                       String suite, Path tempDir) {
        return of(rows, features, members, blockSize, bytesRows, suite, null, tempDir);
    }

    /**
     * Checks every value and fills the defaults: {@code bytesRows} null means 250,000 and N rows (just N when N
     * is at most 250,000); {@code suite} is all, linear, iterative or scaling; {@code scalingRows} null means
     * {@link #DEFAULT_SCALING_ROWS} (sorted, duplicates removed). Throws {@link BadInputException} naming the
     * option at fault.
     *
     * @param rows        rows of synthetic data, at least {@link #MIN_ROWS} and twice the stored columns
     * @param features    feature columns, ≥ 1
     * @param members     members of the embedded grid, 1 to 16
     * @param blockSize   rows per stored block, ≥ 1
     * @param bytesRows   row counts at which bytes per pass are measured (each 1 to {@code rows}), or null
     * @param suite       {@code all}, {@code linear}, {@code iterative} or {@code scaling}
     * @param scalingRows the scaling suite's row counts, or null
     * @param tempDir     parent of the temporary directory that holds the CSV
     * @return the checked settings
     */
    public static BenchmarkSettings of(int rows, int features, int members, int blockSize, List<Long> bytesRows,
                                       String suite, List<Integer> scalingRows, Path tempDir) {
        if (features < 1) {
            throw new BadInputException("--cols must be at least 1, was " + features);
        }
        int minRows = Math.max(MIN_ROWS, 2 * (features + 1));
        if (rows < minRows) {
            throw new BadInputException("--rows must be at least " + minRows + " (at least " + MIN_ROWS
                    + " and twice the stored columns), was " + rows);
        }
        if ((long) rows * (features + 1) > Integer.MAX_VALUE - 16) {
            throw new BadInputException("--rows × (--cols + 1) must fit one Java array for the plain loops (at most "
                    + (Integer.MAX_VALUE - 16) + " values), was " + (long) rows * (features + 1));
        }
        if (members < 1 || members > 16) {
            throw new BadInputException("--members must be between 1 and 16, was " + members);
        }
        if (blockSize < 1) {
            throw new BadInputException("--block-size must be at least 1, was " + blockSize);
        }
        List<Long> bytes = bytesRows != null ? List.copyOf(bytesRows)
                : rows > SMALL_BYTES_ROWS ? List.of((long) SMALL_BYTES_ROWS, (long) rows) : List.of((long) rows);
        for (long n : bytes) {
            if (n < 1 || n > rows) {
                throw new BadInputException("--bytes-rows values must be between 1 and --rows (" + rows + "), was " + n);
            }
        }
        boolean linear = suite.equals("all") || suite.equals("linear");
        boolean iterative = suite.equals("all") || suite.equals("iterative");
        boolean scaling = suite.equals("scaling");
        if (!linear && !iterative && !scaling && !suite.equals("commands")) {
            throw new BadInputException("--suite must be all, linear, iterative or scaling (or commands, with "
                    + "--cluster), was " + suite);
        }
        List<Integer> curve = (scalingRows != null ? scalingRows : DEFAULT_SCALING_ROWS).stream().distinct().sorted()
                .toList();
        if (curve.isEmpty()) {
            throw new BadInputException("--scaling-rows needs at least one row count");
        }
        for (int n : curve) {
            if (n < minRows) {
                throw new BadInputException("--scaling-rows values must be at least " + minRows + ", was " + n);
            }
        }
        return new BenchmarkSettings(rows, features, members, blockSize, bytes, linear, iterative, scaling, curve,
                tempDir);
    }

    /**
     * The suite's name, as {@code --suite} takes it.
     *
     * @return {@code all}, {@code linear}, {@code iterative}, {@code scaling} or {@code commands} (none of the
     *         embedded suites: {@link CommandJobs}, against a running grid)
     */
    public String suite() {
        return scaling ? "scaling" : linear && iterative ? "all" : linear ? "linear" : iterative ? "iterative"
                : "commands";
    }

    /**
     * Stored columns per row: the features and y.
     *
     * @return {@code features + 1}
     */
    public int q() {
        return features + 1;
    }
}
