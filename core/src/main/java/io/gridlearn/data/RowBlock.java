package io.gridlearn.data;

import java.util.Objects;

/**
 * An immutable, dense block of rows: {@code rows × cols} doubles in column-major order, {@code NaN} for
 * missing values, categorical columns as level codes.
 *
 * <p>The row id of row {@code r} is {@code blockId × blockSize + r}, where {@code blockSize} is the
 * dataset's fixed block size (a block holds at most that many rows), so row ids do not depend on where a
 * block is stored. Callers must not modify the array returned by {@link #values()}: aggregations read
 * blocks in place on the members ({@code OBJECT} in-memory format), so a block is shared.
 */
public final class RowBlock {
    private final int blockId;
    private final int rows;
    private final int cols;
    private final double[] values;

    /**
     * @param blockId the block's id, ≥ 0
     * @param rows    rows in the block, ≥ 0
     * @param cols    columns, ≥ 0
     * @param values  {@code rows × cols} values, column-major; kept, not copied
     * @throws IllegalArgumentException if a count is negative or {@code values.length ≠ rows × cols}
     */
    public RowBlock(int blockId, int rows, int cols, double[] values) {
        if (blockId < 0) {
            throw new IllegalArgumentException("blockId must be >= 0, was " + blockId);
        }
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be >= 0, were " + rows + " and " + cols);
        }
        Objects.requireNonNull(values, "values");
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " entries, expected rows × cols = " + rows + " × " + cols);
        }
        this.blockId = blockId;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /**
     * The block's id.
     *
     * @return the block id, ≥ 0: the key in the dataset's block map
     */
    public int blockId() {
        return blockId;
    }

    /**
     * The number of rows.
     *
     * @return rows in the block, from 0 to the dataset's block size
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns.
     *
     * @return columns, the dataset's column count
     */
    public int cols() {
        return cols;
    }

    /**
     * The backing column-major array, not a copy: read only.
     *
     * @return {@code rows × cols} values; value (r, c) at {@code c × rows + r}
     */
    public double[] values() {
        return values;
    }

    /**
     * Value at row {@code r}, column {@code c}.
     *
     * @param r row, in {@code [0, rows)}
     * @param c column, in {@code [0, cols)}
     * @return the value, NaN when missing
     */
    public double get(int r, int c) {
        return values[c * rows + r];
    }

    /**
     * Offset of column {@code c} in {@link #values()}.
     *
     * @param c column, in {@code [0, cols)}
     * @return {@code c × rows}: column {@code c} is {@code values()[offset … offset + rows − 1]}
     */
    public int columnOffset(int c) {
        return c * rows;
    }
}
