package io.gridlearn.data;

import java.util.List;

/**
 * One column of a dataset.
 *
 * @param name   the header name
 * @param kind   numeric or categorical
 * @param levels categorical levels in code order (empty for numeric columns)
 */
public record ColumnSpec(String name, ColumnKind kind, List<String> levels) {
    /**
     * Validates the column; {@code levels} is copied.
     *
     * @param name   the header name, not empty
     * @param kind   numeric or categorical, not null
     * @param levels categorical levels in code order; null is read as none (copied)
     * @throws IllegalArgumentException if the name is empty, the kind missing, or a numeric column has levels
     */
    public ColumnSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("column kind must be given for column " + name);
        }
        levels = List.copyOf(levels == null ? List.of() : levels);
        if (kind == ColumnKind.NUMERIC && !levels.isEmpty()) {
            throw new IllegalArgumentException("numeric column " + name + " cannot have levels");
        }
    }
}
