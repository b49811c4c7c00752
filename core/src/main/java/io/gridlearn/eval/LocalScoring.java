package io.gridlearn.eval;

import io.gridlearn.GridlearnException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code predict --model-file F --csv IN --out OUT}: scores a CSV on this machine, no grid. The output has
 * one column, {@code prediction}, one row per input row in order, on the scale asked for ({@link PredictionType}:
 * the response by default, or the link scale). A missing (or infinite) feature value is filled from the model's
 * imputation when it has one; otherwise, and for a missing extra input (a GLM's offset), the row gets an empty
 * field. The file is written to a temporary name and moved into place, so a failure leaves no
 * half-written output.
 */
public final class LocalScoring {
    private LocalScoring() {
    }

    /**
     * Scores {@code in} into {@code out}; returns the number of rows scored and rows with missing features.
     *
     * @param model a model that predicts one value per row
     * @param in    the CSV to score, with the model's feature columns
     * @param out   the output CSV, replaced once complete
     * @return {@code {rows written, rows among them left empty for a missing feature}}
     */
    public static long[] scoreCsv(ModelDocument model, Path in, Path out) {
        return scoreCsv(model, in, out, PredictionType.RESPONSE);
    }

    /**
     * Scores {@code in} into {@code out} on the given scale; the CSV must also have the model's extra input
     * columns (a GLM's offset). Returns the number of rows scored and rows left empty.
     *
     * @param model a model that predicts one value per row on {@code type}
     * @param in    the CSV to score, with the model's feature and extra input columns
     * @param out   the output CSV, replaced once complete
     * @param type  the scale of the predictions
     * @return {@code {rows written, rows among them left empty for a missing feature or input}}
     */
    public static long[] scoreCsv(ModelDocument model, Path in, Path out, PredictionType type) {
        Predictors.of(model, type); // fails here, before the file is read, for a model that cannot predict on type
        boolean labels = type == PredictionType.RESPONSE && Predictors.predictsLabels(model);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long[] counts = new long[2];
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("prediction\n");
            BoundPredictor[] bound = new BoundPredictor[1];
            double[][] x = new double[1][];
            CsvIngest.ingest(in, CsvOptions.defaults(), new io.gridlearn.data.csv.BlockSink() {
                @Override
                public void accept(RowBlock block) throws Exception {
                    if (bound[0] == null) {
                        throw new IllegalStateException("header not seen");
                    }
                    writeBlock(block, bound[0], labels, x[0], w, counts);
                }
            }, null, (names, kinds) -> {
                bound[0] = BoundPredictor.of(model, FeatureBinding.inputColumns(model, specs(names, kinds),
                        in.getFileName().toString()), type);
                x[0] = bound[0].newRow();
            });
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new GridlearnException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GridlearnException("cannot move " + tmp + " to " + out + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static void writeBlock(RowBlock b, BoundPredictor p, boolean labels, double[] x, BufferedWriter w,
                                   long[] counts) throws IOException {
        int n = b.rows();
        double[] v = b.values();
        StringBuilder sb = new StringBuilder(n * 20);
        for (int r = 0; r < n; r++) {
            if (p.gather(v, n, r, x)) {
                double y = p.predict(x);
                if (labels) {
                    sb.append((long) y);
                } else {
                    sb.append(y);
                }
            } else {
                counts[1]++;
            }
            sb.append('\n');
            counts[0]++;
        }
        w.write(sb.toString());
    }

    private static List<ColumnSpec> specs(List<String> names, List<ColumnKind> kinds) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            specs.add(new ColumnSpec(names.get(c), kinds.get(c), kinds.get(c) == ColumnKind.CATEGORICAL ? List.of("?") : List.of()));
        }
        return specs;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
