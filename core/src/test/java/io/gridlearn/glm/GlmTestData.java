package io.gridlearn.glm;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.data.RowBlock;
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

/** The GLM oracle files and CSVs from test resources. */
final class GlmTestData {
    private GlmTestData() {
    }

    static Path path(String resource) {
        try {
            return Path.of(GlmTestData.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return Json.mapper().readTree(path(resource).toFile());
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

    /** A CSV as blocks in memory, with its column names. */
    record Local(List<String> names, List<RowBlock> blocks, int blockSize) {
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
    }

    static Local local(Path csv, int blockSize) {
        List<RowBlock> blocks = new ArrayList<>();
        List<String> names = CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(blockSize).withThreads(1),
                blocks::add, null).names();
        return new Local(names, blocks, blockSize);
    }
}
