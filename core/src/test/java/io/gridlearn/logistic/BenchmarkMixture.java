package io.gridlearn.logistic;

import io.gridlearn.data.RowBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's logistic data, by the recipe of {@code io.gridlearn.bench.SyntheticData.mixture} (client module:
 * {@code gridlearn benchmark}'s iterative suite), so that a core test fits a smaller version of the same problem:
 * x is a mixture of 8 Gaussians, {@code x = μ_c + N(0, I)} with the cluster c uniform; y ∈ {0, 1} ~
 * Bernoulli(1 / (1 + e^{-η})), {@code η = -0.25 + Σ b_j x_j}, {@code b_j = ((37 (j + 1) mod 11) - 5) / 40}; one
 * {@code SplittableRandom(43)} drawing the centres first, then row by row the cluster, the features and the label.
 * The benchmark's centres are uniform in (-3, 3)^d, and with the same draws the first n rows are the first n rows
 * of its 1,000,000. {@link #separated} draws them N(0, 10²) per coordinate instead, as issue 16 asks the benchmark
 * data to become (well-separated clusters; also {@code kmeans.SeparatedClusters}): many rows are then nearly
 * certain and the features strongly correlated, a much worse conditioned logistic problem.
 */
final class BenchmarkMixture {
    static final long SEED = 43L;
    static final int CLUSTERS = 8;

    final List<RowBlock> blocks;
    final int blockSize;
    final int features;

    private BenchmarkMixture(List<RowBlock> blocks, int blockSize, int features) {
        this.blocks = blocks;
        this.blockSize = blockSize;
        this.features = features;
    }

    /** The benchmark's data: centres uniform in (-3, 3). */
    static BenchmarkMixture uniformCentres(int rows, int features, int blockSize) {
        return generate(rows, features, blockSize, false);
    }

    /** The same recipe with centres N(0, 10²) per coordinate. */
    static BenchmarkMixture separated(int rows, int features, int blockSize) {
        return generate(rows, features, blockSize, true);
    }

    private static BenchmarkMixture generate(int rows, int features, int blockSize, boolean separated) {
        int q = features + 1;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] mu = new double[CLUSTERS * features];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = separated ? 10 * random.nextGaussian() : random.nextDouble() * 6 - 3;
        }
        double[] b = new double[features];
        for (int j = 0; j < features; j++) {
            b[j] = (((j + 1) * 37) % 11 - 5) / 40.0;
        }
        List<RowBlock> blocks = new ArrayList<>();
        for (int first = 0, id = 0; first < rows; first += blockSize, id++) {
            int m = Math.min(blockSize, rows - first);
            double[] v = new double[m * q]; // column-major within the block
            for (int r = 0; r < m; r++) {
                int c = random.nextInt(CLUSTERS);
                double eta = -0.25;
                for (int j = 0; j < features; j++) {
                    double x = mu[c * features + j] + random.nextGaussian();
                    v[j * m + r] = x;
                    eta += b[j] * x;
                }
                v[features * m + r] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-eta)) ? 1.0 : 0.0;
            }
            blocks.add(new RowBlock(id, m, q, v));
        }
        return new BenchmarkMixture(blocks, blockSize, features);
    }

    int[] featureColumns() {
        int[] c = new int[features];
        for (int j = 0; j < features; j++) {
            c[j] = j;
        }
        return c;
    }

    int targetColumn() {
        return features;
    }

    List<String> names() {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            n.add("x" + j);
        }
        return n;
    }
}
