package io.gridlearn.data;

import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.csv.CsvIngest;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.data.csv.ProgressListener;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code append FILE.csv --to DATASET}, and appending blocks from code: new rows become new blocks after the
 * dataset's last one (row ids stay unique: block × blockSize + offset), then the schema is replaced by
 * compare-and-set. Until that replace the new blocks are invisible to gridlearn's passes (they count blocks
 * against the schema); if anything fails, the new blocks are removed and the schema is untouched.
 */
public final class DatasetAppender {
    private static final int MAX_IN_FLIGHT = 8;

    private DatasetAppender() {
    }

    /** What an append changed. */
    public record Appended(DatasetSchema before, DatasetSchema after) {
        public int firstNewBlock() {
            return before.blocks();
        }

        public long rowsAdded() {
            return after.rows() - before.rows();
        }
    }

    /** Appends a CSV whose header equals the dataset's columns (numeric datasets). */
    public static Appended appendCsv(DatasetCatalog catalog, String dataset, Path csv, ProgressListener progress) {
        DatasetSchema schema = checkAppendable(catalog.get(dataset));
        List<RowBlock> staged = new ArrayList<>();
        String file = csv.getFileName().toString();
        CsvIngest.ingest(csv, CsvOptions.defaults().withBlockSize(schema.blockSize()), staged::add, progress,
                (names, kinds) -> {
                    if (!names.equals(schema.columnNames())) {
                        throw new BadInputException(file + ": its columns " + names + " are not the columns of dataset '"
                                + dataset + "' " + schema.columnNames() + "; an append needs the same header");
                    }
                    for (int c = 0; c < kinds.size(); c++) {
                        if (kinds.get(c) != ColumnKind.NUMERIC) {
                            throw new BadInputException(file + ": column '" + names.get(c) + "' holds text, but it is "
                                    + "numeric in dataset '" + dataset + "'");
                        }
                    }
                });
        return appendBlocks(catalog, schema, staged, file);
    }

    /**
     * Appends blocks given by code (block ids are reassigned after the dataset's last block; each block needs
     * the dataset's column count and 1 to blockSize rows).
     */
    public static Appended appendBlocks(DatasetCatalog catalog, DatasetSchema schema, List<RowBlock> blocks,
                                        String source) {
        checkAppendable(schema);
        if (blocks.isEmpty()) {
            throw new BadInputException((source == null ? "input" : source) + ": no rows to append");
        }
        IMap<Integer, RowBlock> map = catalog.blocks(schema);
        Fingerprint fp = Fingerprint.continuing(schema.fingerprint());
        List<Integer> written = new ArrayList<>();
        List<CompletionStage<Void>> inFlight = new ArrayList<>();
        long rows = 0;
        try {
            int id = schema.blocks();
            for (RowBlock b : blocks) {
                if (b.cols() != schema.columns().size() || b.rows() < 1 || b.rows() > schema.blockSize()) {
                    throw new BadInputException("an appended block needs " + schema.columns().size()
                            + " columns and 1 to " + schema.blockSize() + " rows");
                }
                RowBlock renumbered = new RowBlock(id, b.rows(), b.cols(), b.values());
                fp.add(renumbered);
                inFlight.add(map.setAsync(id, renumbered));
                written.add(id);
                rows += b.rows();
                id++;
                if (inFlight.size() >= MAX_IN_FLIGHT) {
                    await(inFlight);
                }
            }
            await(inFlight);
            DatasetSchema after = new DatasetSchema(schema.name(), schema.mapName(), schema.columns(),
                    schema.rows() + rows, schema.blocks() + blocks.size(), schema.blockSize(),
                    fp.hex(schema.columns()), schema.source() + " + " + source, Instant.now().toString());
            if (!catalog.replace(schema, after)) {
                throw new GridlearnException("dataset '" + schema.name() + "' changed while appending (another append "
                        + "or a drop); nothing was appended, retry");
            }
            return new Appended(schema, after);
        } catch (RuntimeException e) {
            for (int b : written) {
                map.delete(b);
            }
            throw e;
        }
    }

    private static DatasetSchema checkAppendable(DatasetSchema schema) {
        for (ColumnSpec c : schema.columns()) {
            if (c.kind() != ColumnKind.NUMERIC) {
                throw new BadInputException("dataset '" + schema.name() + "' has categorical column '" + c.name()
                        + "'; appends take numeric datasets in this version");
            }
        }
        return schema;
    }

    private static void await(List<CompletionStage<Void>> inFlight) {
        try {
            CompletableFuture.allOf(inFlight.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while appending", e);
        } catch (Exception e) {
            throw new GridlearnException("storing an appended block failed: " + e.getMessage(), e);
        } finally {
            inFlight.clear();
        }
    }
}
