package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The gbt oracle file and CSVs from test resources, as blocks in memory. */
final class GbtTestData {
    private GbtTestData() {
    }

    static Path path(String resource) {
        try {
            return Path.of(GbtTestData.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + resource, e);
        }
    }

    static JsonNode oracles() {
        return oracles("/oracles/gbt_oracles.json");
    }

    /** The softmax (multi:softprob) oracle, written by oracles/make_gbt_softmax_oracles.py. */
    static JsonNode softmaxOracles() {
        return oracles("/oracles/gbt_softmax_oracles.json");
    }

    static JsonNode oracles(String resource) {
        try {
            return Json.mapper().readTree(path(resource).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

        List<String> featuresBut(String target) {
            List<String> f = new ArrayList<>(names);
            f.remove(target);
            return f;
        }

        int[] cols(List<String> features) {
            return features.stream().mapToInt(this::col).toArray();
        }

        /** Every row's features (in the given order) and label. */
        double[][] rows(List<String> features, String target, double[] labels) {
            int[] c = cols(features);
            int y = col(target);
            List<double[]> out = new ArrayList<>();
            int k = 0;
            for (RowBlock b : blocks) {
                for (int r = 0; r < b.rows(); r++) {
                    double[] x = new double[c.length];
                    for (int j = 0; j < c.length; j++) {
                        x[j] = b.get(r, c[j]);
                    }
                    out.add(x);
                    labels[k++] = b.get(r, y);
                }
            }
            return out.toArray(new double[0][]);
        }

        int rows() {
            return blocks.stream().mapToInt(RowBlock::rows).sum();
        }
    }

    static Local local(String resource, int blockSize) {
        List<RowBlock> blocks = new ArrayList<>();
        List<String> names = CsvIngest.ingest(path(resource), CsvOptions.defaults().withBlockSize(blockSize)
                .withThreads(1), blocks::add, null).names();
        return new Local(names, blocks, blockSize);
    }

    /**
     * Mean log loss (probabilities clipped to [1e-15, 1 − 1e-15], as scikit-learn's log_loss) of a logistic or
     * softmax model.
     */
    static double logLoss(ModelDocument m, Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new GbtLearner().predictor(m);
        double s = 0;
        if (m.classes().size() > 2) {
            for (int i = 0; i < x.length; i++) {
                s -= Math.log(Math.min(Math.max(p.probabilities(x[i])[(int) y[i]], 1e-15), 1 - 1e-15));
            }
            return s / x.length;
        }
        for (int i = 0; i < x.length; i++) {
            double p1 = Math.min(Math.max(p.probabilities(x[i])[1], 1e-15), 1 - 1e-15);
            s -= y[i] * Math.log(p1) + (1 - y[i]) * Math.log(1 - p1);
        }
        return s / x.length;
    }

    /** Share of rows whose predicted class is the label. */
    static double accuracy(ModelDocument m, Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new GbtLearner().predictor(m);
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            if (p.predict(x[i]) == y[i]) {
                right++;
            }
        }
        return (double) right / x.length;
    }

    /** Root mean squared error of a squared-error model. */
    static double rmse(ModelDocument m, Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new GbtLearner().predictor(m);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - p.predict(x[i]);
            s += e * e;
        }
        return Math.sqrt(s / x.length);
    }
}
