package io.gridlearn.stats;

/**
 * Statistics of one column. Mean and variance are the exact values rounded once: the variance is the
 * sample variance (divisor n − 1), computed from exact sums as (nΣx² − (Σx)²) / (n(n − 1)).
 */
public record ColumnSummary(String name, long count, long missing, double mean, double variance,
                            double min, double max) {
}
