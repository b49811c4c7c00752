package io.gridlearn.kmeans;

import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.LocalPassRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Well-separated clusters: {@code k} centres drawn N(0, 10²) per coordinate, each row one centre (chosen
 * uniformly) plus N(0, 1) noise per coordinate, from a fixed seed. {@link #optimum} is the inertia of the
 * generating partition after Lloyd from the true centres: with centres some tens of noise deviations apart, the
 * global optimum.
 */
final class SeparatedClusters {
    final int k;
    final double[][] rows;
    final int[] labels;
    final double[][] centres;

    SeparatedClusters(int k, int n, int p, long seed) {
        this.k = k;
        Random rnd = new Random(seed);
        centres = new double[k][p];
        for (double[] c : centres) {
            for (int j = 0; j < p; j++) {
                c[j] = 10 * rnd.nextGaussian();
            }
        }
        rows = new double[n][p];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(k);
            for (int j = 0; j < p; j++) {
                rows[i][j] = centres[labels[i]][j] + rnd.nextGaussian();
            }
        }
    }

    int cols() {
        return rows[0].length;
    }

    int[] featureColumns() {
        int[] f = new int[cols()];
        for (int j = 0; j < f.length; j++) {
            f[j] = j;
        }
        return f;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < cols(); j++) {
            names.add("x" + j);
        }
        return names;
    }

    List<RowBlock> blocks(int blockSize) {
        int p = cols();
        List<RowBlock> blocks = new ArrayList<>();
        for (int first = 0, id = 0; first < rows.length; first += blockSize, id++) {
            int m = Math.min(blockSize, rows.length - first);
            double[] v = new double[m * p];
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < p; j++) {
                    v[j * m + r] = rows[first + r][j];
                }
            }
            blocks.add(new RowBlock(id, m, p, v));
        }
        return blocks;
    }

    LocalPassRunner runner(int blockSize) {
        return new LocalPassRunner(blocks(blockSize), blockSize);
    }

    DatasetSchema load(DatasetCatalog catalog, String name, int blockSize) {
        BlockWriter w = catalog.newWriter(name, blockSize);
        for (RowBlock b : blocks(blockSize)) {
            w.write(b);
        }
        List<ColumnSpec> specs = new ArrayList<>();
        for (String n : names()) {
            specs.add(new ColumnSpec(n, ColumnKind.NUMERIC, List.of()));
        }
        return w.publish(specs, "generated");
    }

    /** Lloyd from the true centres until no label changes; the inertia of that partition. */
    double optimum() {
        int p = cols();
        double[][] c = new double[k][];
        for (int a = 0; a < k; a++) {
            c[a] = centres[a].clone();
        }
        int[] label = new int[rows.length];
        for (int it = 0; it < 100; it++) {
            boolean changed = false;
            for (int i = 0; i < rows.length; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    double d = 0;
                    for (int j = 0; j < p; j++) {
                        double t = rows[i][j] - c[a][j];
                        d += t * t;
                    }
                    if (d < bestD) {
                        bestD = d;
                        best = a;
                    }
                }
                changed |= it == 0 || label[i] != best;
                label[i] = best;
            }
            double[][] sum = new double[k][p];
            long[] n = new long[k];
            for (int i = 0; i < rows.length; i++) {
                n[label[i]]++;
                for (int j = 0; j < p; j++) {
                    sum[label[i]][j] += rows[i][j];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int j = 0; j < p; j++) {
                    c[a][j] = sum[a][j] / n[a];
                }
            }
            if (!changed) {
                break;
            }
        }
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < p; j++) {
                double t = rows[i][j] - c[label[i]][j];
                inertia += t * t;
            }
        }
        return inertia;
    }
}
