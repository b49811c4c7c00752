package io.gridlearn.bench;

import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's data, generated from fixed seeds so every run measures the same values: a CSV for the linear
 * suite (regression with Gaussian noise; the same values as a row-major array for the scaling suite) and a
 * row-major array for the iterative suite (a Gaussian mixture with a logistic target). Columns are always {@code x0 … x{d-1}, y}.
 */
final class SyntheticData {
    /** Seed of the linear suite's CSV; the iterative suite uses SEED + 1 (data), + 2 (θ) and + 3 (centres). */
    static final long SEED = 42L;
    /** Clusters of the iterative suite's mixture (and the k of its k-means jobs). */
    static final int CLUSTERS = 8;

    private SyntheticData() {
    }

    /**
     * Writes {@code x0 … x{d-1}, y} with x uniform in (-5, 5) and y = 1.5 + Σ β_j x_j + N(0, 1), every value
     * printed with 7 decimals (like exported feature matrices), β_j = ((37 j mod 11) − 5) / 4. Returns [b0, β].
     */
    static double[] regressionCsv(Path file, int rows, int features) throws IOException {
        int q = features + 1;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] beta = regressionBeta(features);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < features; j++) {
                header.append('x').append(j).append(',');
            }
            out.write(header.append("y\n").toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[q * 24];
            for (int r = 0; r < rows; r++) {
                int pos = 0;
                double y = beta[0];
                for (int j = 0; j < features; j++) {
                    long scaled = (long) Math.floor((random.nextDouble() * 10 - 5) * 1e7 + 0.5);
                    y += beta[j + 1] * (scaled / 1e7);
                    pos = fixed7(scaled, line, pos);
                    line[pos++] = ',';
                }
                y += random.nextGaussian();
                pos = fixed7((long) Math.floor(y * 1e7 + 0.5), line, pos);
                line[pos++] = '\n';
                out.write(line, 0, pos);
            }
        }
        return beta;
    }

    /** [b0, β] of the regression data: b0 = 1.5, β_j = ((37 j mod 11) − 5) / 4. */
    static double[] regressionBeta(int features) {
        double[] beta = new double[features + 1];
        beta[0] = 1.5;
        for (int j = 1; j <= features; j++) {
            beta[j] = ((j * 37) % 11 - 5) / 4.0;
        }
        return beta;
    }

    /**
     * The values of {@link #regressionCsv} (same seed, same draws) as the CSV parser would read them, straight
     * into a row-major array {@code [x0 … x{d-1}, y]} per row: scaled / 1e7 is the double nearest the printed
     * decimal, as {@code Double.parseDouble} of it is. For the scaling suite, which needs no CSV.
     */
    static double[] regression(int rows, int features) {
        int q = features + 1;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] beta = regressionBeta(features);
        double[] data = new double[Math.multiplyExact(rows, q)];
        for (int r = 0; r < rows; r++) {
            int base = r * q;
            double y = beta[0];
            for (int j = 0; j < features; j++) {
                long scaled = (long) Math.floor((random.nextDouble() * 10 - 5) * 1e7 + 0.5);
                double x = scaled / 1e7;
                y += beta[j + 1] * x;
                data[base + j] = x;
            }
            y += random.nextGaussian();
            data[base + features] = Math.floor(y * 1e7 + 0.5) / 1e7;
        }
        return data;
    }

    /** Writes scaled / 1e7 with exactly 7 decimals. */
    static int fixed7(long scaled, byte[] b, int pos) {
        if (scaled < 0) {
            b[pos++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / 10_000_000L;
        long frac = scaled % 10_000_000L;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[pos++] = (byte) w.charAt(i);
        }
        b[pos++] = '.';
        for (int i = 6; i >= 0; i--) {
            b[pos + i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return pos + 7;
    }

    /**
     * The iterative suite's data, row-major {@code [x0 … x{d-1}, y]} per row (seed 43): x is a mixture of
     * {@link #CLUSTERS} Gaussians, x = μ_c + N(0, I), μ_c uniform in (-3, 3)^d; y ∈ {0, 1} ~ Bernoulli(1 / (1 +
     * e^{-η})), η = -0.25 + Σ b_j x_j, b_j = ((37 j mod 11) - 5) / 40.
     */
    static double[] mixture(int rows, int features) {
        int q = features + 1;
        SplittableRandom random = new SplittableRandom(SEED + 1);
        double[] mu = new double[CLUSTERS * features];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = random.nextDouble() * 6 - 3;
        }
        double[] b = new double[features];
        for (int j = 0; j < features; j++) {
            b[j] = (((j + 1) * 37) % 11 - 5) / 40.0;
        }
        double[] data = new double[rows * q];
        for (int r = 0; r < rows; r++) {
            int c = random.nextInt(CLUSTERS);
            int base = r * q;
            double eta = -0.25;
            for (int j = 0; j < features; j++) {
                double x = mu[c * features + j] + random.nextGaussian();
                data[base + j] = x;
                eta += b[j] * x;
            }
            data[base + features] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-eta)) ? 1.0 : 0.0;
        }
        return data;
    }

    /**
     * The first n rows of row-major {@code data} ({@code features + 1} values per row) as a dataset written
     * block by block (no CSV), columns {@code x0 … x{d-1}, y}: the same blocks a CSV load of those rows makes.
     */
    static DatasetSchema writeBlocks(DatasetCatalog catalog, String name, double[] data, int n, int features,
                                     int blockSize) {
        int q = features + 1;
        BlockWriter w = catalog.newWriter(name, blockSize);
        for (int b = 0, first = 0; first < n; b++, first += blockSize) {
            int m = Math.min(blockSize, n - first);
            double[] v = new double[m * q];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < q; c++) {
                    v[c * m + r] = data[(first + r) * q + c];
                }
            }
            w.write(new RowBlock(b, m, q, v));
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        return w.publish(cols, "synthetic, " + n + " rows");
    }
}
