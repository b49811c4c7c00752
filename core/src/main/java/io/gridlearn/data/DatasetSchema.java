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
 * @param blocks      the number of live blocks (= {@code layout.count()})
 * @param blockSize   rows per block (at most; every block of a load but its last is full, appended and
 *                    replacement blocks may be short); row id = block id × blockSize + offset
 * @param fingerprint a hash of the dataset's content and history: the load's values in row order, then each
 *                    append, removal and replacement in order (same history, same fingerprint; any change of
 *                    content, a new one)
 * @param source      where the rows came from (a file name)
 * @param createdAt   ISO-8601 instant of publication
 * @param layout      the ids of the live blocks: the blocks every pass reads and counts. {@code 0-(blocks−1)}
 *                    after a load; removals and replacements leave gaps. Absent in schemas written before
 *                    removal existed, which had blocks 0 to blocks − 1: read as that range.
 * @param nextBlock   the id the next new block gets: ids are never reused, so a removed block's id (and its
 *                    rows' ids) never comes back with other content. Absent in old schemas: {@code blocks}.
 */
public record DatasetSchema(String name, String mapName, List<ColumnSpec> columns, long rows, int blocks,
                            int blockSize, String fingerprint, String source, String createdAt, BlockIds layout,
                            int nextBlock) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    /**
     * Validates the schema and fills in {@code layout} and {@code nextBlock} when absent (old schemas).
     *
     * @param name        the dataset's name ({@link #checkName})
     * @param mapName     the {@code IMap} holding its blocks
     * @param columns     the columns, in file order (copied)
     * @param rows        the number of rows, from {@code blocks} to {@code blocks × blockSize}
     * @param blocks      the number of live blocks, {@code layout.size()}
     * @param blockSize   rows per block at most, ≥ 1
     * @param fingerprint a hash of the dataset's content and history
     * @param source      where the rows came from
     * @param createdAt   ISO-8601 instant of publication
     * @param layout      the live block ids; null for {@code 0-(blocks−1)} (old schemas)
     * @param nextBlock   the next new block's id, after every id in {@code layout}; 0 for {@code layout.last() + 1}
     * @throws io.gridlearn.BadInputException if the name is not allowed
     * @throws IllegalArgumentException if the counts, the layout and {@code nextBlock} disagree
     */
    public DatasetSchema {
        checkName(name);
        columns = List.copyOf(columns);
        if (rows < 0 || blocks < 0 || blockSize < 1) {
            throw new IllegalArgumentException("rows, blocks must be >= 0 and blockSize >= 1");
        }
        if (layout == null) {
            layout = BlockIds.range(0, blocks); // a schema from before removals: blocks 0 … blocks − 1
        }
        if (nextBlock == 0 && !layout.isEmpty()) {
            nextBlock = layout.last() + 1;
        }
        if (layout.size() != blocks) {
            throw new IllegalArgumentException("layout " + layout + " names " + layout.size() + " blocks, not " + blocks);
        }
        if (!layout.isEmpty() && (layout.last() >= nextBlock || nextBlock < 0)) {
            throw new IllegalArgumentException("next block id " + nextBlock + " is not after the last block " + layout.last());
        }
        // every block holds 1 to blockSize rows (appends may leave a short block before the new ones)
        if (rows < blocks || rows > (long) blocks * blockSize) {
            throw new IllegalArgumentException(rows + " rows cannot fill " + blocks + " blocks of at most " + blockSize);
        }
    }

    /**
     * A schema whose blocks are 0 to {@code blocks − 1} (a fresh load).
     *
     * @param name        the dataset's name
     * @param mapName     the {@code IMap} holding its blocks
     * @param columns     the columns, in file order
     * @param rows        the number of rows
     * @param blocks      the number of blocks, with ids 0 to {@code blocks − 1}
     * @param blockSize   rows per block at most
     * @param fingerprint a hash of the dataset's content
     * @param source      where the rows came from
     * @param createdAt   ISO-8601 instant of publication
     */
    public DatasetSchema(String name, String mapName, List<ColumnSpec> columns, long rows, int blocks, int blockSize,
                         String fingerprint, String source, String createdAt) {
        this(name, mapName, columns, rows, blocks, blockSize, fingerprint, source, createdAt,
                BlockIds.range(0, blocks), blocks);
    }

    /**
     * The Hazelcast predicate that lets a pass read exactly this schema's blocks.
     *
     * @return a key predicate on the block map accepting exactly the ids in {@link #layout()}
     */
    public BlockKeyPredicate blockPredicate() {
        return layout.predicate();
    }

    /**
     * Checks a dataset name: 1 to 100 letters, digits, '_', '.', '-', not starting with '.' or '-'.
     *
     * @param name a dataset name
     * @return {@code name}, unchanged
     * @throws io.gridlearn.BadInputException if it is null or not allowed
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("dataset name '" + name + "' is not allowed: use 1 to 100 letters, digits, "
                    + "'_', '.' or '-', starting with a letter, digit or '_'");
        }
        return name;
    }

    /**
     * The columns' names.
     *
     * @return one name per column, in file order (a new list)
     */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * Index of a column by name; a clear error naming the known columns otherwise.
     *
     * @param column a column name
     * @return its position in {@link #columns()}
     * @throws io.gridlearn.BadInputException if the dataset has no such column
     */
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
