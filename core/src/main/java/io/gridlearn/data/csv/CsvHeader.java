package io.gridlearn.data.csv;

import io.gridlearn.data.ColumnKind;
import java.util.List;

/**
 * What an ingest learned about a file: everything needed to interpret the blocks it produced.
 *
 * @param names column names from the header line, trimmed
 * @param kinds how each column's values are stored
 * @param levels per column, the categorical levels in order of first appearance in the file (the code of a
 *     level is its index, which is why the order must not depend on thread timing); empty for numeric
 * @param rows data rows, header excluded
 * @param bytes size of the file
 */
public record CsvHeader(List<String> names, List<ColumnKind> kinds, List<List<String>> levels, long rows, long bytes) {
    /**
     * Copies the lists and checks that there is one entry per column in each.
     *
     * @param names column names from the header line
     * @param kinds how each column's values are stored
     * @param levels per column, the categorical levels
     * @param rows data rows
     * @param bytes size of the file
     */
    public CsvHeader {
        names = List.copyOf(names);
        kinds = List.copyOf(kinds);
        levels = levels.stream().map(List::copyOf).toList();
        if (names.size() != kinds.size() || names.size() != levels.size()) {
            throw new IllegalArgumentException("names, kinds and levels must have one entry per column, had "
                    + names.size() + ", " + kinds.size() + " and " + levels.size());
        }
    }

    /**
     * The number of columns.
     *
     * @return {@code names().size()}
     */
    public int columns() {
        return names.size();
    }
}
