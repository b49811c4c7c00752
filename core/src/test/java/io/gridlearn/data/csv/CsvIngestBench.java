package io.gridlearn.data.csv;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Throughput of {@link CsvIngest} against the naive single-threaded loop most code would write, on the same
 * file in the same run, so the ratio is meaningful on a shared machine whose absolute speed varies.
 *
 * <p>Usage: {@code java -cp ... io.gridlearn.data.csv.CsvIngestBench [rows] [cols] [rounds]}.
 */
public final class CsvIngestBench {
    private CsvIngestBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "gridlearn-csv-bench-" + rows + "x" + cols + ".csv");
        if (!Files.exists(file)) {
            generate(file, rows, cols);
        }
        double mb = Files.size(file) / 1e6;
        System.out.printf("file %s: %.1f MB, %d rows x %d cols, %d cores%n", file, mb, rows, cols,
                Runtime.getRuntime().availableProcessors());
        double bestIngest = 0;
        double bestNaive = 0;
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            CsvHeader header = CsvIngest.ingest(file, CsvOptions.defaults(), block -> { }, null);
            double ingest = mb / ((System.nanoTime() - t0) / 1e9);
            if (header.rows() != rows) {
                throw new IllegalStateException("ingest read " + header.rows() + " rows");
            }
            t0 = System.nanoTime();
            double sum = naive(file);
            double naive = mb / ((System.nanoTime() - t0) / 1e9);
            bestIngest = Math.max(bestIngest, ingest);
            bestNaive = Math.max(bestNaive, naive);
            System.out.printf("round %d: ingest %.0f MB/s, naive readLine+split+parseDouble %.0f MB/s"
                    + " (ratio %.2f) [checksum %.3f]%n", round, ingest, naive, ingest / naive, sum);
        }
        System.out.printf("best: ingest %.0f MB/s, naive %.0f MB/s, ratio %.2f%n", bestIngest, bestNaive,
                bestIngest / bestNaive);
    }

    private static double naive(Path file) throws IOException {
        double sum = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                for (String field : line.split(",")) {
                    sum += Double.parseDouble(field);
                }
            }
        }
        return sum;
    }

    /** Values like {@code -1.2345678}: the shape of typical exported feature matrices. */
    private static void generate(Path file, int rows, int cols) throws IOException {
        Random random = new Random(42);
        Path tmp = Files.createTempFile(file.getParent(), "gridlearn-csv-bench", ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(c == 0 ? "" : ",").append("x").append(c);
            }
            out.write(line.append('\n').toString());
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    if (random.nextBoolean()) {
                        line.append('-');
                    }
                    line.append(random.nextInt(10)).append('.');
                    String frac = Integer.toString(random.nextInt(10_000_000));
                    line.append("0000000", 0, 7 - frac.length()).append(frac);
                }
                out.write(line.append('\n').toString());
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
