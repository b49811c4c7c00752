package io.gridlearn.model;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;

import java.util.List;

/** Where a model's features and target sit among a dataset's or a file's columns. */
public final class FeatureBinding {
    private FeatureBinding() {
    }

    /**
     * Positions of the model's features among {@code columns}, with a clear error for a missing or
     * categorical one; {@code where} names the data in messages.
     *
     * @param model   the model
     * @param columns the dataset's or file's columns
     * @param where   the data's name in messages
     * @return for each of the model's features, its index in {@code columns}
     */
    public static int[] featureColumns(ModelDocument model, List<ColumnSpec> columns, String where) {
        List<String> features = model.features();
        int[] idx = new int[features.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(features.get(j))) {
                    idx[j] = c;
                }
            }
            if (idx[j] < 0) {
                throw new BadInputException(where + " has no column '" + features.get(j) + "' that the model needs; "
                        + "the model's features are " + String.join(", ", features));
            }
            if (columns.get(idx[j]).kind() != ColumnKind.NUMERIC) {
                throw new BadInputException(where + ": column '" + features.get(j) + "' holds text (categories the "
                        + "model never saw), but the model uses it as a numeric feature and knows no categories; every "
                        + "value of it must be a number (empty or NA for a missing value)");
            }
        }
        return idx;
    }

    /**
     * Positions of everything the model reads to predict among {@code columns}: its features
     * ({@link #featureColumns}), then the extra input columns its learner names ({@link Predictors#inputs}, a
     * GLM's offset), with a clear error for one that is missing or holds text.
     *
     * @param model   the model
     * @param columns the dataset's or file's columns
     * @param where   the data's name in messages
     * @return the index in {@code columns} of each feature, then of each extra input
     */
    public static int[] inputColumns(ModelDocument model, List<ColumnSpec> columns, String where) {
        int[] features = featureColumns(model, columns, where);
        List<InputColumn> extra = Predictors.inputs(model);
        int[] idx = java.util.Arrays.copyOf(features, features.length + extra.size());
        for (int k = 0; k < extra.size(); k++) {
            InputColumn in = extra.get(k);
            int c = indexOf(columns, in.name());
            if (c < 0) {
                throw new BadInputException(where + " has no column '" + in.name() + "' that the model needs: "
                        + in.role() + "; score data that has it");
            }
            if (columns.get(c).kind() != ColumnKind.NUMERIC) {
                throw new BadInputException(where + ": column '" + in.name() + "' (" + in.role() + ") holds text;"
                        + " every value of it must be a number");
            }
            idx[features.length + k] = c;
        }
        return idx;
    }

    private static int indexOf(List<ColumnSpec> columns, String name) {
        int found = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                found = c;
            }
        }
        return found;
    }

    /**
     * Position of the model's target among {@code columns}, or −1.
     *
     * @param model   the model
     * @param columns the dataset's or file's columns
     * @return the target's index in {@code columns}, or −1 when the model has no target or the columns do not hold it
     */
    public static int targetColumn(ModelDocument model, List<ColumnSpec> columns) {
        if (model.target() == null) {
            return -1;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(model.target())) {
                return c;
            }
        }
        return -1;
    }
}
