package io.gridlearn.stats;

import io.gridlearn.data.BlockIds;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;

import java.util.ArrayList;
import java.util.List;

/** {@code describe}: per-column statistics of a dataset in one pass. */
public final class DatasetStatistics {
    private DatasetStatistics() {
    }

    /**
     * Statistics of every column; categorical columns report count and missing only (codes have no mean).
     *
     * @param catalog the grid's datasets
     * @param dataset the dataset's name
     * @return the statistics of every column
     * @throws io.gridlearn.BadInputException if there is no such dataset
     */
    public static Description describe(DatasetCatalog catalog, String dataset) {
        DatasetSchema schema = catalog.get(dataset);
        return describe(new io.gridlearn.pass.GridPassRunner(catalog, schema), schema);
    }

    /**
     * {@link #describe(DatasetCatalog, String)} on any runner: exactly one pass ({@link ColumnStatsAggregator}),
     * which {@code PassCountTest} counts.
     *
     * @param runner runs the pass over {@code schema}'s blocks (in the grid, or the single-JVM reference)
     * @param schema the dataset
     * @return the statistics of every column
     */
    public static Description describe(io.gridlearn.pass.PassRunner runner, DatasetSchema schema) {
        return of(schema, runner.aggregate(ColumnStatsAggregator::new));
    }

    /**
     * The description of a dataset from its column statistics pass, however that pass was run: in the grid
     * ({@link #describe}) or over the blocks in one JVM (the reference runner,
     * {@code io.gridlearn.pass.LocalPassRunner#aggregate(ColumnStatsAggregator::new)}), with the same bits.
     *
     * @param schema the dataset
     * @param agg    its aggregated {@link ColumnStatsAggregator} pass
     * @return the statistics of every column; categorical columns report count and missing only
     */
    public static Description of(DatasetSchema schema, ColumnStatsAggregator agg) {
        List<ColumnSummary> columns = new ArrayList<>();
        for (int c = 0; c < schema.columns().size(); c++) {
            ColumnSummary s = agg.summary(c, schema.columns().get(c).name());
            if (schema.columns().get(c).kind() == ColumnKind.CATEGORICAL) {
                s = new ColumnSummary(s.name(), s.count(), s.missing(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            columns.add(s);
        }
        return new Description(schema.name(), schema.rows(), columns, schema.layout(), schema.blockSize());
    }

    /**
     * The result of {@link #describe}: the statistics, and the block layout the pass read (the live block
     * ids, and the dataset's block size).
     *
     * @param dataset   the dataset's name
     * @param rows      its number of rows
     * @param columns   one summary per column, in file order
     * @param layout    the live block ids the pass read
     * @param blockSize the dataset's block size
     */
    public record Description(String dataset, long rows, List<ColumnSummary> columns, BlockIds layout,
                              int blockSize) {
        /**
         * Copies {@code columns}; {@code layout} must not be null.
         *
         * @param dataset   the dataset's name
         * @param rows      its number of rows
         * @param columns   one summary per column, in file order
         * @param layout    the live block ids the pass read, not null
         * @param blockSize the dataset's block size
         */
        public Description {
            columns = List.copyOf(columns);
            java.util.Objects.requireNonNull(layout, "layout");
        }
    }
}
