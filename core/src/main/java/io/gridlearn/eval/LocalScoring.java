package io.gridlearn.eval;

import io.gridlearn.GridlearnException;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.Imputation;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;

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
 * one column, {@code prediction}, one row per input row in order. A missing (or infinite) feature value is
 * filled from the model's imputation when it has one; otherwise the row gets an empty field. The file is written to a temporary name and moved into place, so a failure leaves no
 * half-written output.
 */
public final class LocalScoring {
    private LocalScoring() {
    }

    /** Scores {@code in} into {@code out}; returns the number of rows scored and rows with missing features. */
    public static long[] scoreCsv(ModelDocument model, Path in, Path out) {
        RowPredictor predictor = Predictors.of(model);
        double[] fill = Imputation.fillValues(model);
        int featureCount = model.features().size();
        boolean labels = Predictors.predictsLabels(model);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long[] counts = new long[2];
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("prediction\n");
            int[][] columns = new int[1][];
            double[] x = new double[featureCount];
            CsvIngest.ingest(in, CsvOptions.defaults(), new io.gridlearn.data.csv.BlockSink() {
                @Override
                public void accept(RowBlock block) throws Exception {
                    if (columns[0] == null) {
                        throw new IllegalStateException("header not seen");
                    }
                    writeBlock(block, columns[0], predictor, fill, labels, x, w, counts);
                }
            }, null, (names, kinds) -> columns[0] = FeatureBinding.featureColumns(model, specs(names, kinds), in.getFileName().toString()));
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

    private static void writeBlock(RowBlock b, int[] cols, RowPredictor p, double[] fill, boolean labels, double[] x,
                                   BufferedWriter w, long[] counts) throws IOException {
        int n = b.rows();
        double[] v = b.values();
        StringBuilder sb = new StringBuilder(n * 20);
        for (int r = 0; r < n; r++) {
            boolean finite = true;
            for (int j = 0; j < cols.length; j++) {
                x[j] = v[cols[j] * n + r];
                if (fill != null && !Double.isFinite(x[j])) {
                    x[j] = fill[j];
                }
                finite &= Double.isFinite(x[j]);
            }
            if (finite) {
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
