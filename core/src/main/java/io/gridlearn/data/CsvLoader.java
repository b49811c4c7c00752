package io.gridlearn.data;

import io.gridlearn.data.csv.CsvHeader;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.data.csv.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code load}: streams a CSV into a new dataset. Parsing runs on all cores with bounded memory; blocks go
 * to the grid as they are parsed; the dataset becomes visible only after the last block is stored. On any
 * failure (bad input, a lost member, an interrupt) the partial data is destroyed and nothing is published.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    /**
     * Streams {@code file} into a new dataset and publishes its schema once every block is stored. A file that
     * will not fit in the members' heap is refused before anything is sent ({@link LoadBudget}).
     *
     * @param catalog  the catalog the dataset is written to
     * @param file     the CSV file
     * @param name     the new dataset's name
     * @param options  parsing options and the block size
     * @param progress told as rows are parsed
     * @return the published schema
     */
    public static DatasetSchema load(DatasetCatalog catalog, Path file, String name, CsvOptions options,
                                     ProgressListener progress) {
        LoadBudget.check(catalog.instance(), file);
        BlockWriter writer = catalog.newWriter(name, options.blockSize());
        try {
            CsvHeader header = CsvIngest.ingest(file, options, writer::write, progress);
            List<ColumnSpec> columns = new ArrayList<>();
            for (int c = 0; c < header.names().size(); c++) {
                columns.add(new ColumnSpec(header.names().get(c), header.kinds().get(c), header.levels().get(c)));
            }
            return writer.publish(columns, file.getFileName().toString());
        } catch (RuntimeException | Error e) {
            writer.abort();
            throw e;
        }
    }
}
