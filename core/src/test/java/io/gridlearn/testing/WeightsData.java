package io.gridlearn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The frequency-weight test data: {@code oracles/weights/*_w.csv} (a dataset with a seeded weight column "w" in
 * {0, 1, 2, 3}) and {@code oracles/weights_oracles.json}, both written by {@code oracles/make_weights_oracles.py};
 * plus the CSV transformations the equivalence tests need (rows repeated, weights mapped).
 */
public final class WeightsData {
    private static JsonNode root;

    private WeightsData() {
    }

    /**
     * A test resource's path, e.g. {@code /oracles/weights/boston_w.csv} (copied out to a temporary file when it sits
     * inside a jar, as the client module's tests see it).
     */
    public static synchronized Path path(String resource) {
        try {
            java.net.URL url = WeightsData.class.getResource(resource);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "gridlearn-test-weights-" + ProcessHandle.current().pid()));
            Path out = dir.resolve(resource.substring(1).replace('/', '_'));
            if (!Files.exists(out)) {
                try (java.io.InputStream in = url.openStream()) {
                    Files.copy(in, out);
                }
                out.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
            }
            return out;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Boston with the weight column w. */
    public static Path boston() {
        return path("/oracles/weights/boston_w.csv");
    }

    /** Iris with the weight column w. */
    public static Path iris() {
        return path("/oracles/weights/iris_w.csv");
    }

    /** Breast cancer with the weight column w (oracles/make_weights_logistic_oracles.py). */
    public static Path breastCancer() {
        return path("/oracles/weights/breast_cancer_w.csv");
    }

    private static JsonNode logisticRoot;

    /** One case of weights_logistic_oracles.json. */
    public static synchronized JsonNode logisticOracle(String name) {
        if (logisticRoot == null) {
            try {
                logisticRoot = Json.mapper().readTree(path("/oracles/weights_logistic_oracles.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode c = logisticRoot.path("cases").path(name);
        if (c.isMissingNode()) {
            throw new IllegalArgumentException("no case " + name + " in weights_logistic_oracles.json");
        }
        return c;
    }

    /** One case of weights_oracles.json. */
    public static synchronized JsonNode oracle(String name) {
        if (root == null) {
            try {
                root = Json.mapper().readTree(path("/oracles/weights_oracles.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode c = root.path("cases").path(name);
        if (c.isMissingNode()) {
            throw new IllegalArgumentException("no case " + name + " in weights_oracles.json");
        }
        return c;
    }

    /**
     * The CSV with every row written w times (its weight column's value, a whole number) and the weight column
     * dropped: what frequency weights stand for.
     */
    public static Path repeated(Path csv, String weightColumn, Path dir) {
        List<String> lines = read(csv);
        String[] header = lines.get(0).split(",", -1);
        int wc = List.of(header).indexOf(weightColumn);
        List<String> out = new ArrayList<>();
        out.add(without(header, wc));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double w = Double.parseDouble(cells[wc]);
            if (w != Math.rint(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a whole number");
            }
            for (int k = 0; k < (int) w; k++) {
                out.add(without(cells, wc));
            }
        }
        return write(dir.resolve("repeated-" + csv.getFileName()), out);
    }

    /** The CSV with the rows whose weight is 0 left out (the weight column kept). */
    public static Path withoutZeroWeights(Path csv, String weightColumn, Path dir) {
        List<String> lines = read(csv);
        int wc = List.of(lines.get(0).split(",", -1)).indexOf(weightColumn);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (Double.parseDouble(line.split(",", -1)[wc]) != 0) {
                out.add(line);
            }
        }
        return write(dir.resolve("nonzero-" + csv.getFileName()), out);
    }

    /** The CSV with each weight w replaced by {@code f(w)}, written with {@link Double#toString}. */
    public static Path mapWeights(Path csv, String weightColumn, DoubleUnaryOperator f, Path dir, String name) {
        List<String> lines = read(csv);
        int wc = List.of(lines.get(0).split(",", -1)).indexOf(weightColumn);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            cells[wc] = Double.toString(f.applyAsDouble(Double.parseDouble(cells[wc])));
            out.add(String.join(",", cells));
        }
        return write(dir.resolve(name), out);
    }

    /** The CSV with cell (row, column) set to {@code value} (row 0-based, header excluded). */
    public static Path edited(Path csv, int row, String column, String value, Path dir, String name) {
        List<String> lines = read(csv);
        int c = List.of(lines.get(0).split(",", -1)).indexOf(column);
        String[] cells = lines.get(row + 1).split(",", -1);
        cells[c] = value;
        lines.set(row + 1, String.join(",", cells));
        return write(dir.resolve(name), lines);
    }

    /** The CSV's blocks in memory, as the loader cuts them. */
    public static List<RowBlock> blocks(Path csv, int blockSize) {
        List<RowBlock> blocks = new ArrayList<>();
        CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(blockSize).withThreads(1), blocks::add, null);
        return blocks;
    }

    /**
     * The same blocks (same ids, so the same row ids for the first rows of each and the same partitions) with the
     * rows whose weight is 0 taken out: the data a weighted fit must equal exactly.
     */
    public static List<RowBlock> withoutZeroWeightRows(List<RowBlock> blocks, int weightColumn) {
        List<RowBlock> kept = new ArrayList<>();
        for (RowBlock b : blocks) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < b.rows(); r++) {
                if (b.get(r, weightColumn) != 0) {
                    rows.add(r);
                }
            }
            double[] v = new double[rows.size() * b.cols()];
            for (int c = 0; c < b.cols(); c++) {
                for (int i = 0; i < rows.size(); i++) {
                    v[c * rows.size() + i] = b.get(rows.get(i), c);
                }
            }
            kept.add(new RowBlock(b.blockId(), rows.size(), b.cols(), v));
        }
        return kept;
    }

    /** The data column names of a CSV. */
    public static List<String> names(Path csv) {
        return List.of(read(csv).get(0).split(",", -1));
    }

    private static String without(String[] cells, int skip) {
        List<String> kept = new ArrayList<>(List.of(cells));
        kept.remove(skip);
        return String.join(",", kept);
    }

    private static List<String> read(Path csv) {
        try {
            return new ArrayList<>(Files.readAllLines(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path p, List<String> lines) {
        try {
            return Files.write(p, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
