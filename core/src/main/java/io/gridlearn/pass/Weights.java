package io.gridlearn.pass;

import io.gridlearn.BadInputException;
import io.gridlearn.OptionException;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetSchema;

import java.util.List;
import java.util.Map;

/**
 * Frequency weights ({@code --weights COL}, the Java specs' {@code weights(column)}), shared by every learner that
 * takes them: the linear family, k-means, naive Bayes and the GLMs. A weight is statsmodels' {@code freq_weights}:
 * a row of weight wᵢ counts as wᵢ copies of itself, so every sum over rows becomes Σᵢ wᵢ·(term)ᵢ and the number
 * of rows becomes Σᵢ wᵢ,
 * <pre>
 *   n = Σᵢ wᵢ,   Σᵢ wᵢ xᵢ,   Σᵢ wᵢ xᵢ xᵢᵀ,   …     (wᵢ finite, wᵢ ≥ 0)
 * </pre>
 * A weight of 2 is the row twice, a weight of 0 removes the row exactly (it enters no sum), and degrees of freedom
 * count Σw. A negative or non-finite weight is refused before anything is fitted, naming the row.
 *
 * <p>This class holds what the learners share: the option's description, the check of one value, the message
 * naming a bad row, the resolution of the column against a dataset, and {@link #check}, the pass that refuses
 * bad weights ({@link WeightCheckKernel}, then {@link BadWeightSampler} to find the first one).
 */
public final class Weights {
    /** The option's Java name: {@code weights} ({@code --weights} on the command line). */
    public static final String OPTION = "weights";
    /** The option's one-line description, the same for every learner. */
    public static final String DESCRIPTION = "Frequency weights (>= 0; 2 counts a row twice, 0 leaves it out).";
    /** The summary key of Σw in a weighted model. */
    public static final String WEIGHT_SUM = "weightSum";

    private Weights() {
    }

    /**
     * Whether {@code w} is a usable frequency weight.
     *
     * @param w a weight as stored in the dataset
     * @return true when {@code w} is finite and ≥ 0 (0 included: such a row is left out)
     */
    public static boolean valid(double w) {
        return w >= 0.0 && Double.isFinite(w);
    }

    /**
     * What is wrong with a bad weight, as the messages of every learner word it (without the row).
     *
     * @param value the stored weight, negative or not finite
     * @return {@code "weight V is negative or not finite; frequency weights must be finite and >= 0 (0 leaves the
     *         row out)"}
     */
    public static String problem(double value) {
        return "weight " + value + " is negative or not finite; frequency weights must be finite and >= 0 (0 leaves"
                + " the row out)";
    }

    /**
     * The message refusing a fit with bad weights.
     *
     * @param count  the number of rows with a bad weight, ≥ 1
     * @param row    the first one's 0-based row id
     * @param column the weight column's name
     * @param value  its weight
     * @return one line naming the count, the first row, the column and the value
     */
    public static String badRows(long count, long row, String column, double value) {
        return count + " row(s) cannot be used; the first is row " + row + ", column '" + column + "': "
                + problem(value);
    }

    /**
     * Resolves the weight column of a fit against a dataset.
     *
     * @param schema   the dataset
     * @param column   the weight column's name, or null for none
     * @param target   the target's name, or null (unsupervised); it cannot be the weight column
     * @param features the features named by the caller, or null (then the default features leave the weight column
     *                 out); none may be the weight column
     * @return the column's position, or −1 when {@code column} is null
     * @throws OptionException if the column is unknown, the target, a feature, or categorical
     */
    public static int column(DatasetSchema schema, String column, String target, List<String> features) {
        if (column == null) {
            return -1;
        }
        if (!schema.columnNames().contains(column)) {
            throw OptionException.worded("{weights}: unknown column '" + column + "' in dataset '" + schema.name()
                    + "'; its columns are " + String.join(", ", schema.columnNames()));
        }
        if (column.equals(target)) {
            throw OptionException.worded("{weights}: column '" + column + "' is the target; it cannot also be the"
                    + " weights");
        }
        if (features != null && features.contains(column)) {
            throw OptionException.worded("{weights}: column '" + column + "' is the weight column; it cannot also be"
                    + " one of the {features}");
        }
        int i = schema.columnIndex(column);
        if (schema.columns().get(i).kind() != ColumnKind.NUMERIC) {
            throw OptionException.worded("{weights}: column '" + column + "' is categorical; weights must be numeric");
        }
        return i;
    }

    /**
     * Σw and the rows of positive weight, after refusing bad weights: one {@link WeightCheckKernel} pass, and a
     * {@link BadWeightSampler} pass only when a weight is bad, to name the first such row.
     *
     * @param runner       the passes over the dataset
     * @param weightColumn the weight column's position
     * @param name         the weight column's name (for the message)
     * @return {@code [Σw, rows with w > 0, rows]}
     * @throws BadInputException if a weight is negative or not finite (naming the first such row), or every weight
     *                           is 0
     */
    public static double[] check(PassRunner runner, int weightColumn, String name) {
        double[] s = runner.sum(new WeightCheckKernel(weightColumn));
        long bad = (long) s[WeightCheckKernel.BAD];
        if (bad > 0) {
            throw refusal(runner, weightColumn, name, bad);
        }
        if (s[WeightCheckKernel.POSITIVE] == 0) {
            throw new BadInputException("every row has weight 0 in the weight column '" + name + "': nothing to fit");
        }
        return new double[] {s[WeightCheckKernel.SUM], s[WeightCheckKernel.POSITIVE], s[WeightCheckKernel.ROWS]};
    }

    /**
     * The first row with a bad weight, when {@code bad} rows have one: a {@link BadWeightSampler} pass, then the
     * exception to throw.
     *
     * @param runner       the passes over the dataset
     * @param weightColumn the weight column's position
     * @param name         the weight column's name
     * @param bad          the number of rows with a bad weight, ≥ 1
     * @return the exception naming the first such row
     */
    public static BadInputException refusal(PassRunner runner, int weightColumn, String name, long bad) {
        Map.Entry<Long, double[]> first = runner.sample(new BadWeightSampler(weightColumn)).entrySet().iterator()
                .next();
        return new BadInputException(badRows(bad, first.getKey(), name, first.getValue()[0]));
    }

    /**
     * A count as the model JSON writes it: a whole number as an integer (so an unweighted fit's counts keep their
     * form), anything else as a decimal.
     *
     * @param x a count or Σw
     * @return {@code Long} when {@code x} is a whole number below 2⁵³ in magnitude, else {@code Double}
     */
    public static Number count(double x) {
        return x == Math.rint(x) && Math.abs(x) < 0x1p53 ? (Number) Long.valueOf((long) x) : (Number) Double.valueOf(x);
    }
}
