package io.gridlearn.testing;

import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.csv.CsvOptions;

/** Loads the bundled datasets through the production CSV loader. */
public final class TestData {
    private TestData() {
    }

    public static DatasetSchema load(DatasetCatalog catalog, String file, String name, int blockSize) {
        return CsvLoader.load(catalog, Oracles.resource(file), name, CsvOptions.defaults().withBlockSize(blockSize), null);
    }

    /**
     * Dataset {@code noisy}: {@code blocks} × {@code size} rows, features x0 … x11 (x_j ~ N(0, (j+1)²)) and a 0/1
     * label y drawn from a logistic model with noise (seed 5): a problem an iterative fit takes several checkpoints
     * to solve.
     */
    public static void writeNoisyLogistic(DatasetCatalog catalog, int blocks, int size) {
        java.util.Random rnd = new java.util.Random(5);
        int p = 12;
        BlockWriter w = catalog.newWriter("noisy", size);
        for (int b = 0; b < blocks; b++) {
            double[] v = new double[size * (p + 1)];
            for (int r = 0; r < size; r++) {
                double eta = 0.3;
                for (int j = 0; j < p; j++) {
                    double x = rnd.nextGaussian() * (j + 1);
                    v[j * size + r] = x;
                    eta += (j % 3 - 1) * 0.2 * x / (j + 1);
                }
                v[p * size + r] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            }
            w.write(new RowBlock(b, size, p + 1, v));
        }
        java.util.List<ColumnSpec> cols = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, java.util.List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, java.util.List.of()));
        w.publish(cols, "generated");
    }
}
