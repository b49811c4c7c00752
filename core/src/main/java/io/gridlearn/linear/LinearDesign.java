package io.gridlearn.linear;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.pass.Weights;

import java.util.List;

/**
 * The columns of a linear fit, resolved against a dataset's schema: feature and target positions, and the
 * frequency-weight column when there is one, with clear errors for unknown, repeated or categorical columns.
 *
 * @param weights      the weight column's name, or null
 * @param weightColumn its position, or −1
 */
record LinearDesign(List<String> features, String target, int[] featureColumns, int targetColumn, String weights,
                    int weightColumn) {

    static LinearDesign resolve(DatasetSchema schema, String target, List<String> features) {
        return resolve(schema, target, features, null);
    }

    static LinearDesign resolve(DatasetSchema schema, String target, List<String> features, String weights) {
        ColumnChoice c = ColumnChoice.resolve(schema, target, features, true, weights);
        int w = Weights.column(schema, weights, c.target(), features);
        return new LinearDesign(c.features(), c.target(), c.featureColumns(), c.targetColumn(), weights, w);
    }

    /** Whether the fit has frequency weights. */
    boolean weighted() {
        return weightColumn >= 0;
    }

    /** Dataset columns of z = [x, y]. */
    int[] zColumns() {
        int[] z = new int[featureColumns.length + 1];
        System.arraycopy(featureColumns, 0, z, 0, featureColumns.length);
        z[featureColumns.length] = targetColumn;
        return z;
    }
}
