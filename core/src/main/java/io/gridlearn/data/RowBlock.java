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

    public int blockId() {
        return blockId;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing column-major array, not a copy: read only. */
    public double[] values() {
        return values;
    }

    /** Value at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return values[c * rows + r];
    }

    /** Offset of column {@code c} in {@link #values()}. */
    public int columnOffset(int c) {
        return c * rows;
    }
}
