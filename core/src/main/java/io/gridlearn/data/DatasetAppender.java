package io.gridlearn.data;

import io.gridlearn.BadInputException;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.data.csv.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code append FILE.csv --to DATASET}, and appending blocks from code: new rows become new blocks with ids
 * after every id the dataset has used (row ids stay unique: block × blockSize + offset), then the schema is
 * replaced by compare-and-set ({@link DatasetEditor}'s protocol). Until that replace the new blocks are
 * invisible to gridlearn's passes (they read only the blocks their schema names); if anything fails, the new
 * blocks are removed and the schema is untouched. An append that loses the compare-and-set to a concurrent
 * change is published on top of it.
 */
public final class DatasetAppender {
    private DatasetAppender() {
    }

    /**
     * What an append changed.
     *
     * @param before the schema the append was published on
     * @param after  the schema it published
     * @param added  the ids of the new blocks
     */
    public record Appended(DatasetSchema before, DatasetSchema after, BlockIds added) {
        /**
         * The append that took {@code before} to {@code after}: the new blocks are {@code after}'s layout minus
         * {@code before}'s.
         *
         * @param before the schema the append was published on
         * @param after  the schema it published
         */
        public Appended(DatasetSchema before, DatasetSchema after) {
            this(before, after, after.layout().minus(before.layout()));
        }

        /**
         * The id of the first new block.
         *
         * @return the smallest id in {@link #added()}
         * @throws IllegalStateException if no block was added
         */
        public int firstNewBlock() {
            return added.first();
        }

        /**
         * The number of rows appended.
         *
         * @return {@code after.rows() − before.rows()}
         */
        public long rowsAdded() {
            return after.rows() - before.rows();
        }
    }

    /**
     * Appends a CSV whose header equals the dataset's columns (numeric datasets).
     *
     * @param catalog  the grid's datasets
     * @param dataset  the dataset's name
     * @param csv      the file; its header must be the dataset's column names, in order, and every column numeric
     * @param progress told as rows are parsed
     * @return what the append changed
     * @throws io.gridlearn.BadInputException if the dataset is unknown or has a categorical column, or the file's
     *                                        header or values do not fit it
     */
    public static Appended appendCsv(DatasetCatalog catalog, String dataset, Path csv, ProgressListener progress) {
        DatasetSchema schema = checkAppendable(catalog.get(dataset));
        LoadBudget.check(catalog.instance(), csv);
        List<RowBlock> staged = readCsv(schema, csv, progress);
        return appendBlocks(catalog, schema, staged, csv.getFileName().toString());
    }

    /** Reads a CSV with the dataset's header into blocks of its block size, in memory. */
    static List<RowBlock> readCsv(DatasetSchema schema, Path csv, ProgressListener progress) {
        checkAppendable(schema);
        List<RowBlock> staged = new ArrayList<>();
        String file = csv.getFileName().toString();
        CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(schema.blockSize()), staged::add, progress,
                (names, kinds) -> {
                    if (!names.equals(schema.columnNames())) {
                        throw new BadInputException(file + ": its columns " + names + " are not the columns of dataset '"
                                + schema.name() + "' " + schema.columnNames() + "; new rows need the same header");
                    }
                    for (int c = 0; c < kinds.size(); c++) {
                        if (kinds.get(c) != ColumnKind.NUMERIC) {
                            throw new BadInputException(file + ": column '" + names.get(c) + "' holds text, but it is "
                                    + "numeric in dataset '" + schema.name() + "'");
                        }
                    }
                });
        return staged;
    }

    /**
     * Appends blocks given by code (block ids are reassigned after every id the dataset has used; each block
     * needs the dataset's column count and 1 to blockSize rows).
     *
     * @param catalog the grid's datasets
     * @param schema  the dataset's schema as read (the append is published on the newest one)
     * @param blocks  the new blocks, in order; at least one
     * @param source  where the rows came from, for the schema and messages; may be null
     * @return what the append changed
     * @throws io.gridlearn.BadInputException if {@code blocks} is empty or the dataset has a categorical column
     */
    public static Appended appendBlocks(DatasetCatalog catalog, DatasetSchema schema, List<RowBlock> blocks,
                                        String source) {
        checkAppendable(schema);
        if (blocks.isEmpty()) {
            throw new BadInputException((source == null ? "input" : source) + ": no rows to append");
        }
        DatasetChange c = DatasetEditor.commit(catalog, schema, BlockIds.empty(), blocks, source, null);
        return new Appended(c.before(), c.after(), c.added());
    }

    static DatasetSchema checkAppendable(DatasetSchema schema) {
        for (ColumnSpec c : schema.columns()) {
            if (c.kind() != ColumnKind.NUMERIC) {
                throw new BadInputException("dataset '" + schema.name() + "' has categorical column '" + c.name()
                        + "'; appends and replacements take numeric datasets in this version");
            }
        }
        return schema;
    }
}
