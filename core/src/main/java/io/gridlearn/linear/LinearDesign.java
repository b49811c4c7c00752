package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a linear fit, resolved against a dataset's schema: feature and target positions, with
 * clear errors for unknown, repeated or categorical columns.
 */
record LinearDesign(List<String> features, String target, int[] featureColumns, int targetColumn) {

    static LinearDesign resolve(DatasetSchema schema, String target, List<String> features) {
        String y = target != null ? target : schema.columns().get(schema.columns().size() - 1).name();
        int yCol = schema.columnIndex(y);
        if (schema.columns().get(yCol).kind() != ColumnKind.NUMERIC) {
            throw new BadInputException("target '" + y + "' is categorical; a regression needs a numeric target");
        }
        List<String> xs = new ArrayList<>();
        if (features == null || features.isEmpty()) {
            for (String c : schema.columnNames()) {
                if (!c.equals(y)) {
                    xs.add(c);
                }
            }
        } else {
            xs.addAll(features);
        }
        if (xs.isEmpty()) {
            throw new BadInputException("no feature columns: dataset '" + schema.name() + "' has only the target");
        }
        Set<String> seen = new HashSet<>();
        int[] cols = new int[xs.size()];
        for (int j = 0; j < xs.size(); j++) {
            String f = xs.get(j);
            if (!seen.add(f)) {
                throw new BadInputException("--features names '" + f + "' twice");
            }
            if (f.equals(y)) {
                throw new BadInputException("column '" + f + "' is the target; it cannot also be a feature");
            }
            cols[j] = schema.columnIndex(f);
            if (schema.columns().get(cols[j]).kind() != ColumnKind.NUMERIC) {
                throw new BadInputException("feature '" + f + "' is categorical; linear models in this version take "
                        + "numeric features only (leave it out with --features, or encode it as 0/1 columns)");
            }
        }
        return new LinearDesign(xs, y, cols, yCol);
    }

    /** Dataset columns of z = [x, y]. */
    int[] zColumns() {
        int[] z = new int[featureColumns.length + 1];
        System.arraycopy(featureColumns, 0, z, 0, featureColumns.length);
        z[featureColumns.length] = targetColumn;
        return z;
    }
}
