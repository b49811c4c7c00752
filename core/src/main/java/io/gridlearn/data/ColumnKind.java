package io.gridlearn.data;

/** How a column's values are stored in a {@link RowBlock}. */
public enum ColumnKind {
    /** A real number; {@code NaN} marks a missing value. */
    NUMERIC,
    /** A text label, stored as its 0-based code in the column's level list; {@code NaN} marks missing. */
    CATEGORICAL
}
