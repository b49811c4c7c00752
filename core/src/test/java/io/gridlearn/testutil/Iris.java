package io.gridlearn.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.pass.LocalPassRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Iris blocks and the public oracle values (src/test/resources/datasets, see the README there). */
public final class Iris {
    public static final int[] FEATURES = {0, 1, 2, 3};
    public static final int TARGET = 4;
    public static final List<String> NAMES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    private Iris() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(Iris.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<RowBlock> blocks(int blockSize) {
        List<RowBlock> blocks = new ArrayList<>();
        CsvIngest.ingest(resource("iris.csv"), CsvOptions.defaults().withBlockSize(blockSize), blocks::add, null);
        return blocks;
    }

    public static LocalPassRunner runner(int blockSize) {
        return new LocalPassRunner(blocks(blockSize), blockSize);
    }

    /** All rows, row-major, columns as in the file. */
    public static double[][] rows() {
        List<double[]> out = new ArrayList<>();
        for (RowBlock b : blocks(40)) {
            for (int r = 0; r < b.rows(); r++) {
                double[] row = new double[b.cols()];
                for (int c = 0; c < b.cols(); c++) {
                    row[c] = b.get(r, c);
                }
                out.add(row);
            }
        }
        return out.toArray(new double[0][]);
    }

    /** datasets.iris.&lt;entry&gt; of oracles-public.json. */
    public static JsonNode oracle(String entry) {
        try {
            JsonNode n = new ObjectMapper().readTree(resource("oracles-public.json").toFile())
                    .path("datasets").path("iris").path(entry);
            if (n.isMissingNode()) {
                throw new IllegalArgumentException("no oracle entry " + entry);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] vector(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    public static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(n.get(i));
        }
        return m;
    }

    /** |a − e| ≤ rel·max(|e|, 1e-300): relative agreement (oracle values carry 12 significant digits). */
    public static void assertRel(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-300);
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (rel. diff "
                    + Math.abs(actual - expected) / Math.abs(expected) + ")");
        }
    }

    public static double maxRel(double[][] e, double[][] a) {
        double m = 0;
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e[i].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - e[i][j]) / Math.abs(e[i][j]));
            }
        }
        return m;
    }
}
