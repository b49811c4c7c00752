package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code fit --missing skip} with several blocks: every row of two whole blocks has a missing or non-finite
 * feature (the case docs/accuracy.md's "Known limits" calls exact). The whole model document — coefficients,
 * centres, means, variances, components, summary, metrics — equals the fit of the CSV with those rows removed
 * (the same blocks less the two), on 1 and on 3 members. The linear family by Cholesky or coordinate descent:
 * a QR fit's R factors are merged per partition, and removing blocks renumbers the rest, so QR agrees to
 * rounding only (docs/accuracy.md, known limits); only the name, version, provenance,
 * {@code summary.skippedRows} and k-means' {@code summary.init} (row indices of each file) may differ.
 */
class MissingSkipBlocksTest {
    @TempDir
    Path tmp;

    /** Writes the CSV with blocks {@code holes} made missing and the CSV without their rows; returns both. */
    private Path[] holed(String dataset, int block, int[] holes) throws IOException {
        List<String> lines = Files.readAllLines(Oracles.resource(dataset + ".csv"));
        List<String> holed = new ArrayList<>(List.of(lines.get(0)));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            int row = i - 1;
            if (Arrays.stream(holes).anyMatch(b -> row / block == b)) {
                String[] f = lines.get(i).split(",", -1);
                f[row % (f.length - 1)] = row % 3 == 0 ? "" : row % 3 == 1 ? "NA" : "inf";
                holed.add(String.join(",", f));
            } else {
                holed.add(lines.get(i));
                kept.add(lines.get(i));
            }
        }
        Path a = tmp.resolve(dataset + "-holed.csv");
        Path b = tmp.resolve(dataset + "-kept.csv");
        Files.write(a, holed);
        Files.write(b, kept);
        return new Path[] {a, b};
    }

    private static JsonNode fit(int members, Path csv, int block, String algorithm, String options, boolean skip) {
        List<String> args = new ArrayList<>(List.of("--members", String.valueOf(members), "fit", algorithm,
                "--csv", csv.toString(), "--block-size", String.valueOf(block), "--json"));
        if (!options.isBlank()) {
            args.addAll(List.of(options.trim().split(" +")));
        }
        if (skip) {
            args.addAll(List.of("--missing", "skip"));
        }
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), algorithm + ": " + r.err());
        return r.json();
    }

    /** The model without what names the run: name, version, provenance, and the skipped-row count. */
    private static String model(JsonNode m) {
        ObjectNode c = m.deepCopy();
        c.remove(List.of("name", "version", "provenance"));
        ((ObjectNode) c.path("summary")).remove("skippedRows");
        return c.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "boston        | 46 | linear      | --solver cholesky",
        "boston        | 46 | ridge       | --lambda 0.1 --standardize --solver cholesky",
        "boston        | 46 | lasso       | --lambda 0.1 --standardize",
        "boston        | 46 | elastic-net | --lambda 0.1 --alpha 0.5",
        "breast_cancer | 50 | logistic    | --lambda 0.01 --standardize",
        "iris          | 10 | softmax     | --lambda 0.01",
        "iris          | 10 | naive-bayes | ''",
        "iris          | 10 | pca         | ''",
        "iris          | 10 | kmeans      | --k 3 --init rows:0,60,120",
    })
    void skippingWholeBlocksIsTheFitWithTheirRowsRemoved(String dataset, int block, String algorithm, String options)
            throws IOException {
        int[] holes = {2, 5};
        Path[] csv = holed(dataset, block, holes);
        String removedOptions = options;
        if (algorithm.equals("kmeans")) {
            // the same initial rows, counted in the file without the removed ones (both lie after block 5)
            removedOptions = "--k 3 --init rows:0," + (60 - 2 * block) + "," + (120 - 2 * block);
        }
        JsonNode one = fit(1, csv[0], block, algorithm, options, true);
        JsonNode three = fit(3, csv[0], block, algorithm, options, true);
        JsonNode removed = fit(1, csv[1], block, algorithm, removedOptions, false);
        if (one.path("summary").has("skippedRows")) { // the iterative learners count them
            assertEquals(2L * block, one.path("summary").path("skippedRows").asLong(), algorithm + " skipped rows");
        } else { // the linear family records the rows it used
            assertEquals(removed.path("provenance").path("rows").asLong(), one.path("provenance").path("rows").asLong(),
                    algorithm + ": rows used");
        }
        if (algorithm.equals("kmeans")) { // the initial rows, named by their index in each file
            ((ObjectNode) one.path("summary")).remove("init");
            ((ObjectNode) three.path("summary")).remove("init");
            ((ObjectNode) removed.path("summary")).remove("init");
        }
        assertEquals(model(removed), model(one), algorithm + ": skip = the rows removed, bit for bit");
        assertEquals(model(one), model(three), algorithm + ": 1 vs 3 members");
    }
}
