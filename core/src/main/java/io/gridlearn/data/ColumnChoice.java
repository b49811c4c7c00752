package io.gridlearn.data;

import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a learner uses, resolved against a schema: the target (supervised learners: the named
 * column, else the last one) and the features (the named ones, else every column but the target), with
 * clear errors for unknown, repeated or categorical columns.
 *
 * @param features       feature names, in order
 * @param featureColumns their positions in the dataset
 * @param target         the target's name, or null
 * @param targetColumn   its position, or −1
 */
public record ColumnChoice(List<String> features, int[] featureColumns, String target, int targetColumn) {

    /**
     * Resolves a learner's {@code --target} and {@code --features} against a schema.
     *
     * @param schema     the dataset
     * @param target     the target column's name; null for the last column (supervised) or no target
     * @param features   the feature columns' names, in order; null or empty for every column but the target
     * @param supervised whether the learner needs a target
     * @return the resolved columns
     * @throws io.gridlearn.OptionException if a named column is unknown, named twice or categorical
     * @throws io.gridlearn.BadInputException if no feature column is left or the target is also named as a feature
     */
    public static ColumnChoice resolve(DatasetSchema schema, String target, List<String> features, boolean supervised) {
        return resolve(schema, target, features, supervised, null);
    }

    /**
     * {@link #resolve(DatasetSchema, String, List, boolean)} with one more column left out of the default features:
     * a fit's weight column, which is data about the rows, not a feature.
     *
     * @param schema     the dataset
     * @param target     the target column's name; null for the last column (supervised) or no target
     * @param features   the feature columns' names, in order; null or empty for every column but the target and
     *                   {@code notAFeature}
     * @param supervised whether the learner needs a target
     * @param notAFeature a column the default features leave out (the weights), or null
     * @return the resolved columns
     * @throws io.gridlearn.OptionException if a named column is unknown, named twice or categorical
     * @throws io.gridlearn.BadInputException if no feature column is left or the target is also named as a feature
     */
    public static ColumnChoice resolve(DatasetSchema schema, String target, List<String> features, boolean supervised,
                                       String notAFeature) {
        String y = target;
        if (y == null && supervised) {
            y = schema.columns().get(schema.columns().size() - 1).name();
        }
        String targetOption = target != null ? "{target}" : "the target (by default the last column)";
        int yCol = y == null ? -1 : index(schema, y, targetOption);
        if (yCol >= 0 && schema.columns().get(yCol).kind() != ColumnKind.NUMERIC) {
            throw OptionException.worded(targetOption + ": target '" + y + "' of dataset '" + schema.name()
                    + "' is categorical (text values); this learner needs a numeric target (class labels 0, 1, … "
                    + "or values)");
        }
        List<String> xs = new ArrayList<>();
        if (features == null || features.isEmpty()) {
            for (String c : schema.columnNames()) {
                if (!c.equals(y) && !c.equals(notAFeature)) {
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
                throw OptionException.worded("{features} names '" + f + "' twice");
            }
            if (f.equals(y)) {
                throw new BadInputException("column '" + f + "' is the target; it cannot also be a feature");
            }
            cols[j] = index(schema, f, "{features}");
            if (schema.columns().get(cols[j]).kind() != ColumnKind.NUMERIC) {
                throw OptionException.worded("feature '" + f + "' is categorical; learners in this version take numeric "
                        + "features only (leave it out with {features}, or encode it as 0/1 columns)");
            }
        }
        return new ColumnChoice(List.copyOf(xs), cols, y, yCol);
    }

    /** The position of {@code column}, or an error naming the option that asked for it. */
    private static int index(DatasetSchema schema, String column, String option) {
        if (!schema.columnNames().contains(column)) {
            throw OptionException.worded(option + ": unknown column '" + column + "' in dataset '" + schema.name()
                    + "'; its columns are " + String.join(", ", schema.columnNames()));
        }
        return schema.columnIndex(column);
    }
}
