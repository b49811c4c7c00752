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

    /** The dataset's name. */
    public String name() {
        return schema.name();
    }

    /** Rows, all blocks together. */
    public long rows() {
        return schema.rows();
    }

    /** Column names, in order. */
    public List<String> columns() {
        return schema.columnNames();
    }

    /** The columns with their kinds and, for categorical columns, their levels. */
    public List<ColumnSpec> columnSpecs() {
        return schema.columns();
    }

    /** Row blocks. */
    public int blocks() {
        return schema.blocks();
    }

    /** A fingerprint of the contents, recorded in the provenance of every model fit on it. */
    public String fingerprint() {
        return schema.fingerprint();
    }

    /** The underlying schema (the runtime's view). */
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "Dataset[" + name() + ": " + rows() + " rows, " + columns().size() + " columns]";
    }
}
