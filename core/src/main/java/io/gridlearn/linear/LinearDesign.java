package io.gridlearn.linear;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.DatasetSchema;

import java.util.List;

/**
 * The columns of a linear fit, resolved against a dataset's schema: feature and target positions, with
 * clear errors for unknown, repeated or categorical columns.
 */
record LinearDesign(List<String> features, String target, int[] featureColumns, int targetColumn) {

    static LinearDesign resolve(DatasetSchema schema, String target, List<String> features) {
        ColumnChoice c = ColumnChoice.resolve(schema, target, features, true);
        return new LinearDesign(c.features(), c.target(), c.featureColumns(), c.targetColumn());
    }

    /** Dataset columns of z = [x, y]. */
    int[] zColumns() {
        int[] z = new int[featureColumns.length + 1];
        System.arraycopy(featureColumns, 0, z, 0, featureColumns.length);
        z[featureColumns.length] = targetColumn;
        return z;
    }
}
