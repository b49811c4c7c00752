package io.gridlearn.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The data of the commands suite ({@link CommandJobs}), generated from a fixed seed: {@value #CLUSTERS} clusters
 * whose centres are drawn N(0, 10²) per coordinate, each row a centre chosen uniformly plus N(0, I) noise, so
 * the clusters are far apart (about 140 between centres against unit noise) and the best k-means partition is
 * the generating one: its inertia, Σ over clusters of Σ‖x − x̄_c‖², is the optimum a k-means fit must reach.
 * Two targets: a regression y = 1.5 + Σ β_j x_j + N(0, 1) with the β of {@link SyntheticData#regressionBeta}, and
 * a binary label c ~ Bernoulli(1 / (1 + e^{−η})), η = −0.25 + Σ b_j x_j, b_j = ((37 j mod 11) − 5) / 400 (η has a
 * spread of about one, so the labels are noisy and the logistic fit is well posed).
 *
 * <p>Columns {@code x0 … x{d−1}, y, c}; every value is printed with 7 decimals and held in memory as the parser
 * reads it (scaled / 1e7, the double nearest the printed decimal).
 */
final class ClusteredData {
    /** Seed of the data (the other suites use 42 and 43). */
    static final long SEED = 44L;
    /** Clusters generated, and the k of the suite's k-means fits. */
    static final int CLUSTERS = 8;
    /** Spread of the centres: N(0, CENTRE_SD²) per coordinate. */
    static final double CENTRE_SD = 10.0;

    final int rows;
    final int features;
    /** Row-major [x0 … x{d−1}, y] per row (stride d + 1): the linear loop's input. */
    final double[] regression;
    /** Row-major [x0 … x{d−1}, c] per row (stride d + 1): the logistic and k-means loops' input. */
    final double[] labelled;
    /** The inertia of the generating partition at its own centroids: the k-means optimum. */
    final double optimumInertia;

    private ClusteredData(int rows, int features, double[] regression, double[] labelled, double optimumInertia) {
        this.rows = rows;
        this.features = features;
        this.regression = regression;
        this.labelled = labelled;
        this.optimumInertia = optimumInertia;
    }

    /**
     * Writes the CSV and returns the same values in memory.
     *
     * @param file     the CSV to write
     * @param rows     rows
     * @param features d, the x columns
     * @return the data as the grid will read it
     * @throws IOException when the file cannot be written
     */
    static ClusteredData write(Path file, int rows, int features) throws IOException {
        int q = features + 1;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] centres = new double[CLUSTERS * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = CENTRE_SD * random.nextGaussian();
        }
        double[] beta = SyntheticData.regressionBeta(features);
        double[] regression = new double[Math.multiplyExact(rows, q)];
        double[] labelled = new double[regression.length];
        int[] cluster = new int[rows];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < features; j++) {
                header.append('x').append(j).append(',');
            }
            out.write(header.append("y,c\n").toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[(q + 1) * 24];
            for (int r = 0; r < rows; r++) {
                int c = random.nextInt(CLUSTERS);
                cluster[r] = c;
                int base = r * q;
                int pos = 0;
                double y = beta[0];
                double eta = -0.25;
                for (int j = 0; j < features; j++) {
                    long scaled = (long) Math.floor((centres[c * features + j] + random.nextGaussian()) * 1e7 + 0.5);
                    double x = scaled / 1e7;
                    regression[base + j] = x;
                    labelled[base + j] = x;
                    y += beta[j + 1] * x;
                    eta += (((j + 1) * 37) % 11 - 5) / 400.0 * x;
                    pos = SyntheticData.fixed7(scaled, line, pos);
                    line[pos++] = ',';
                }
                long ys = (long) Math.floor((y + random.nextGaussian()) * 1e7 + 0.5);
                regression[base + features] = ys / 1e7;
                pos = SyntheticData.fixed7(ys, line, pos);
                line[pos++] = ',';
                boolean one = random.nextDouble() < 1.0 / (1.0 + Math.exp(-eta));
                labelled[base + features] = one ? 1.0 : 0.0;
                line[pos++] = (byte) (one ? '1' : '0');
                line[pos++] = '\n';
                out.write(line, 0, pos);
            }
        }
        return new ClusteredData(rows, features, regression, labelled, partitionInertia(labelled, q, features, cluster));
    }

    /** Σ over clusters of Σ‖x − x̄_c‖², the centroids first, then the squared distances (two passes, for accuracy). */
    static double partitionInertia(double[] data, int q, int features, int[] cluster) {
        double[] mean = new double[CLUSTERS * features];
        long[] count = new long[CLUSTERS];
        for (int r = 0; r < cluster.length; r++) {
            count[cluster[r]]++;
            for (int j = 0; j < features; j++) {
                mean[cluster[r] * features + j] += data[r * q + j];
            }
        }
        for (int c = 0; c < CLUSTERS; c++) {
            for (int j = 0; j < features; j++) {
                mean[c * features + j] /= Math.max(1, count[c]);
            }
        }
        double inertia = 0;
        for (int r = 0; r < cluster.length; r++) {
            for (int j = 0; j < features; j++) {
                double t = data[r * q + j] - mean[cluster[r] * features + j];
                inertia += t * t;
            }
        }
        return inertia;
    }
}
