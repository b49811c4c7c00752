package io.gridlearn.logistic;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvHeader;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test CSVs as blocks, optionally z-scored as the oracle conventions say, and the oracle file. */
final class TestData {
    final List<String> names;
    final List<RowBlock> blocks;
    final int blockSize;

    private TestData(List<String> names, List<RowBlock> blocks, int blockSize) {
        this.names = names;
        this.blocks = blocks;
        this.blockSize = blockSize;
    }

    static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource("/datasets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestData load(String file, int blockSize) {
        List<RowBlock> blocks = new ArrayList<>();
        CsvHeader h = CsvIngest.ingest(resource(file), CsvOptions.defaults().withBlockSize(blockSize).withThreads(1),
                blocks::add, null);
        return new TestData(h.names(), blocks, blockSize);
    }

    static JsonNode oracle(String dataset, String caseName) {
        try {
            return Json.mapper().readTree(resource("oracles-public.json").toFile()).path("datasets").path(dataset)
                    .path(caseName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode n) {
        double[] a = new double[n.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = n.get(i).asDouble();
        }
        return a;
    }

    LocalPassRunner runner() {
        return new LocalPassRunner(blocks, blockSize);
    }

    int col(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(name);
        }
        return c;
    }

    int[] cols(List<String> features) {
        return features.stream().mapToInt(this::col).toArray();
    }

    long rows() {
        return blocks.stream().mapToLong(RowBlock::rows).sum();
    }

    /** Mean of a column over all rows. */
    double mean(int c) {
        double s = 0;
        for (RowBlock b : blocks) {
            for (int r = 0; r < b.rows(); r++) {
                s += b.get(r, c);
            }
        }
        return s / rows();
    }

    /** Population standard deviation (divisor n), as sklearn's StandardScaler. */
    double stdPopulation(int c) {
        double m = mean(c);
        double s = 0;
        for (RowBlock b : blocks) {
            for (int r = 0; r < b.rows(); r++) {
                double d = b.get(r, c) - m;
                s += d * d;
            }
        }
        return Math.sqrt(s / rows());
    }

    /** The same data with the given columns replaced by z = (x - mean)/std_population. */
    TestData standardized(int[] columns) {
        double[] m = new double[names.size()];
        double[] s = new double[names.size()];
        boolean[] on = new boolean[names.size()];
        for (int c : columns) {
            on[c] = true;
            m[c] = mean(c);
            s[c] = stdPopulation(c);
        }
        List<RowBlock> out = new ArrayList<>();
        for (RowBlock b : blocks) {
            double[] v = b.values().clone();
            for (int c = 0; c < b.cols(); c++) {
                if (on[c]) {
                    for (int r = 0; r < b.rows(); r++) {
                        v[c * b.rows() + r] = (v[c * b.rows() + r] - m[c]) / s[c];
                    }
                }
            }
            out.add(new RowBlock(b.blockId(), b.rows(), b.cols(), v));
        }
        return new TestData(names, out, blockSize);
    }

    /** Reblocked copy with another block size (same rows, same order). */
    TestData reblocked(int size) {
        int cols = names.size();
        long n = rows();
        double[][] rows = new double[(int) n][];
        int i = 0;
        for (RowBlock b : blocks) {
            for (int r = 0; r < b.rows(); r++) {
                double[] row = new double[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = b.get(r, c);
                }
                rows[i++] = row;
            }
        }
        List<RowBlock> out = new ArrayList<>();
        for (int start = 0, id = 0; start < n; start += size, id++) {
            int len = (int) Math.min(size, n - start);
            double[] v = new double[len * cols];
            for (int r = 0; r < len; r++) {
                for (int c = 0; c < cols; c++) {
                    v[c * len + r] = rows[start + r][c];
                }
            }
            out.add(new RowBlock(id, len, cols, v));
        }
        return new TestData(names, out, size);
    }
}
