package io.gridlearn.data;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a dataset is: its columns, where its blocks live and how many there must be. The schema is published
 * only after every block is stored, so a visible schema always describes a complete dataset.
 *
 * @param name        the user's name for the dataset
 * @param mapName     the {@code IMap} holding its blocks, keyed by block number
 * @param columns     the columns, in file order
 * @param rows        the number of rows
 * @param blocks      the number of blocks, numbered 0 to blocks − 1
 * @param blockSize   rows per block (at most; every block but the last of each load is full);
 *                    row id = block × blockSize + offset
 * @param fingerprint a hash of every value, in row order: equal data, equal fingerprint
 * @param source      where the rows came from (a file name)
 * @param createdAt   ISO-8601 instant of publication
 */
public record DatasetSchema(String name, String mapName, List<ColumnSpec> columns, long rows, int blocks,
                            int blockSize, String fingerprint, String source, String createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    public DatasetSchema {
        checkName(name);
        columns = List.copyOf(columns);
        if (rows < 0 || blocks < 0 || blockSize < 1) {
            throw new IllegalArgumentException("rows, blocks must be >= 0 and blockSize >= 1");
        }
        // every block holds 1 to blockSize rows (appends may leave a short block before the new ones)
        if (rows < blocks || rows > (long) blocks * blockSize) {
            throw new IllegalArgumentException(rows + " rows cannot fill " + blocks + " blocks of at most " + blockSize);
        }
    }

    /** Checks a dataset name: 1 to 100 letters, digits, '_', '.', '-', not starting with '.' or '-'. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("dataset name '" + name + "' is not allowed: use 1 to 100 letters, digits, "
                    + "'_', '.' or '-', starting with a letter, digit or '_'");
        }
        return name;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /** Index of a column by name; a clear error naming the known columns otherwise. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new BadInputException("unknown column '" + column + "' in dataset '" + name + "'; its columns are "
                + String.join(", ", columnNames()));
    }
}
