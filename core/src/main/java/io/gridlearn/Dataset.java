package io.gridlearn;

import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetSchema;

import java.util.List;

/**
 * A dataset in the grid: a schema and immutable row blocks in one partitioned map, with backups. A value of this
 * class is a snapshot of the schema when it was read; the rows stay in the grid.
 */
public final class Dataset {
    private final DatasetSchema schema;

    Dataset(DatasetSchema schema) {
        this.schema = schema;
    }

    /**
     * The dataset's name.
     *
     * @return the name it is stored under in the grid
     */
    public String name() {
        return schema.name();
    }

    /**
     * Rows, all blocks together.
     *
     * @return the number of rows, at least 0
     */
    public long rows() {
        return schema.rows();
    }

    /**
     * Column names, in order.
     *
     * @return the column names, in the order of the CSV header
     */
    public List<String> columns() {
        return schema.columnNames();
    }

    /**
     * The columns with their kinds and, for categorical columns, their levels.
     *
     * @return one spec per column, in column order
     */
    public List<ColumnSpec> columnSpecs() {
        return schema.columns();
    }

    /**
     * Row blocks.
     *
     * @return the number of row blocks in the partitioned map
     */
    public int blocks() {
        return schema.blocks();
    }

    /**
     * A fingerprint of the contents, recorded in the provenance of every model fit on it.
     *
     * @return the fingerprint, as recorded in the provenance of a model
     */
    public String fingerprint() {
        return schema.fingerprint();
    }

    /**
     * The underlying schema (the runtime's view).
     *
     * @return the schema this dataset was read with
     */
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "Dataset[" + name() + ": " + rows() + " rows, " + columns().size() + " columns]";
    }
}
