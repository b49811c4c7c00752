package io.gridlearn.stats;

/**
 * Statistics of one column. Mean and variance are the exact values rounded once: the variance is the
 * sample variance (divisor n − 1), computed from exact sums as (nΣx² − (Σx)²) / (n(n − 1)).
 *
 * @param name     the column's name
 * @param count    n, the non-missing values
 * @param missing  the missing (NaN) values
 * @param mean     Σx / n; NaN when n = 0, when a value is infinite, and for categorical columns
 * @param variance the sample variance; NaN when n &lt; 2, when a value is infinite, and for categorical columns
 * @param min      the smallest value; NaN when n = 0 and for categorical columns
 * @param max      the largest value; NaN when n = 0 and for categorical columns
 */
public record ColumnSummary(String name, long count, long missing, double mean, double variance,
                            double min, double max) {
}
