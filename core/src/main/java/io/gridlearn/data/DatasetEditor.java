package io.gridlearn.data;

import io.gridlearn.OptionException;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.csv.ProgressListener;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Removing and replacing a dataset's blocks (and, through {@link DatasetAppender}, appending). Every change
 * follows one protocol, so that a failure at any step leaves the dataset as it was:
 * <ol>
 *   <li><b>Check</b>: the blocks to remove must be live in the current schema (else a
 *       {@link BadInputException} naming the unknown ids); their rows are counted next to the data.</li>
 *   <li><b>Stage</b>: new blocks are written under freshly reserved ids
 *       ({@code DatasetCatalog#reserveBlockIds}), after every id ever used: no pass sees them, since passes
 *       read only the ids their schema's layout names, and no concurrent writer uses the same ids.</li>
 *   <li><b>Publish</b>: the new schema (layout − removed ∪ added, rows, fingerprint) replaces the newest one
 *       by compare-and-set. A compare-and-set lost to a concurrent change is retried on top of that change as
 *       long as every block to remove is still live; otherwise the change fails. Until this step succeeds
 *       nothing visible has changed; on failure the staged blocks are deleted.</li>
 *   <li><b>Listeners</b> (live models) run while the removed blocks are still stored, so they can subtract
 *       what those blocks contributed.</li>
 *   <li><b>Purge</b>: the removed blocks are deleted. They are already invisible, so a failure here costs
 *       memory, not correctness.</li>
 * </ol>
 *
 * <p><b>Row ids.</b> A row's id is its block id × blockSize + its offset in the block. Removal leaves every
 * other row's id unchanged, so train/test splits and folds (a hash of row id and seed, {@link RowGrouping})
 * of the remaining rows do not move. Block ids are never reused: rows that replace a block, like appended
 * rows, get new blocks after every id used before, hence new row ids, and the removed ids stay unused.
 * Replacing a block by the same content therefore keeps the data but may move its rows between a split's
 * groups; a replacement may hold any number of rows (cut into blocks of at most blockSize).
 */
public final class DatasetEditor {
    private static final int MAX_IN_FLIGHT = 8;
    private static final int PUBLISH_ATTEMPTS = 20;

    private DatasetEditor() {
    }

    /**
     * Removes blocks; the removed blocks are deleted before this returns.
     *
     * @param catalog the grid's datasets
     * @param dataset the dataset's name
     * @param blocks  the ids to remove, each live in the newest schema; not empty
     * @return what the removal changed
     */
    public static DatasetChange removeBlocks(DatasetCatalog catalog, String dataset, BlockIds blocks) {
        return removeBlocks(catalog, dataset, blocks, c -> { });
    }

    /**
     * Removes blocks, calling {@code beforePurge} after the new schema is published and before the removed
     * blocks are deleted (live models subtract their moments there). If it throws, the blocks are purged all
     * the same and its exception propagates: the removal itself has happened.
     *
     * @param catalog     the grid's datasets
     * @param dataset     the dataset's name
     * @param blocks      the ids to remove, each live in the newest schema; not empty
     * @param beforePurge given the published change while the removed blocks are still stored
     * @return what the removal changed
     * @throws io.gridlearn.OptionException if {@code blocks} is empty
     * @throws io.gridlearn.BadInputException if the dataset is unknown or a block is not live
     */
    public static DatasetChange removeBlocks(DatasetCatalog catalog, String dataset, BlockIds blocks,
                                             Consumer<DatasetChange> beforePurge) {
        if (blocks.isEmpty()) {
            throw OptionException.worded("no blocks to remove (give {blocks}, e.g. 3,7-9)");
        }
        DatasetChange change = commit(catalog, catalog.get(dataset), blocks, List.of(), "blocks " + blocks, null);
        return runThenPurge(catalog, change, beforePurge);
    }

    /**
     * Replaces blocks by the rows of a CSV with the dataset's header (numeric datasets).
     *
     * @param catalog     the grid's datasets
     * @param dataset     the dataset's name (numeric columns only)
     * @param blocks      the ids to replace, each live in the newest schema
     * @param csv         the new rows; header equal to the dataset's column names
     * @param progress    told as rows are parsed
     * @param beforePurge given the published change while the replaced blocks are still stored
     * @return what the replacement changed
     * @throws io.gridlearn.BadInputException if the dataset is unknown, a block is not live, or the file does not fit
     */
    public static DatasetChange replaceCsv(DatasetCatalog catalog, String dataset, BlockIds blocks, Path csv,
                                           ProgressListener progress, Consumer<DatasetChange> beforePurge) {
        DatasetSchema schema = catalog.get(dataset);
        checkListed(schema, blocks);
        List<RowBlock> rows = DatasetAppender.readCsv(schema, csv, progress);
        return replaceBlocks(catalog, schema, blocks, rows, csv.getFileName().toString(), beforePurge);
    }

    /**
     * Replaces blocks by new ones (any number, each with the dataset's columns and 1 to blockSize rows; their
     * ids are reassigned). Listeners and purge as for {@link #removeBlocks}.
     *
     * @param catalog     the grid's datasets
     * @param schema      the dataset's schema as read (the change is published on the newest one)
     * @param blocks      the ids to replace, each live; not empty
     * @param replacement the new blocks, in order; not empty
     * @param source      where the rows came from, for the schema and messages; may be null
     * @param beforePurge given the published change while the replaced blocks are still stored
     * @return what the replacement changed
     * @throws io.gridlearn.OptionException if {@code blocks} is empty
     * @throws io.gridlearn.BadInputException if {@code replacement} is empty or the dataset has a categorical column
     */
    public static DatasetChange replaceBlocks(DatasetCatalog catalog, DatasetSchema schema, BlockIds blocks,
                                              List<RowBlock> replacement, String source,
                                              Consumer<DatasetChange> beforePurge) {
        if (blocks.isEmpty()) {
            throw OptionException.worded("no blocks to replace (give {blocks}, e.g. 3)");
        }
        if (replacement.isEmpty()) {
            throw new BadInputException((source == null ? "input" : source) + ": no rows to replace blocks "
                    + blocks + " with (to remove them, use remove)");
        }
        DatasetAppender.checkAppendable(schema);
        DatasetChange change = commit(catalog, schema, blocks, replacement, source, null);
        return runThenPurge(catalog, change, beforePurge);
    }

    /**
     * Publishes a change whose new blocks other members have already written under ids this caller reserved
     * ({@link DatasetCatalog#reserveBlockIds}): the removal of {@code remove} and the addition of {@code ids} in one
     * schema, by the compare-and-set of the class comment (retried on top of a concurrent change while every block
     * to remove is still live). Nothing is deleted here: the caller deletes the written blocks if this fails, and
     * calls {@link #purge} after its listeners. Used by the follower of a host map
     * ({@code io.gridlearn.data.hostmap}), whose blocks are written next to their source entries.
     *
     * @param catalog the grid's datasets
     * @param schema  the dataset's schema as read
     * @param remove  block ids to take out, each live; may be empty
     * @param ids     the written blocks' ids (fresh, reserved), ascending; may be empty
     * @param rows    each written block's row count
     * @param digests each written block's {@link StagedBlocks#digest}, chained into the fingerprint in id order
     * @return what the change did
     * @throws io.gridlearn.BadInputException if a block to remove is not live or the dataset would be left empty
     * @throws io.gridlearn.GridlearnException if a block to remove is not stored or the dataset kept changing
     */
    public static DatasetChange publishWritten(DatasetCatalog catalog, DatasetSchema schema, BlockIds remove, int[] ids,
                                               int[] rows, long[] digests) {
        checkListed(schema, remove);
        if (ids.length != rows.length || ids.length != digests.length) {
            throw new IllegalArgumentException("one row count and one digest per written block");
        }
        if (ids.length == 0 && remove.isEmpty()) {
            throw new IllegalArgumentException("nothing to publish");
        }
        long rowsRemoved = 0;
        if (!remove.isEmpty()) {
            BlockCountAggregator counted = catalog.blocks(schema).aggregate(new BlockCountAggregator(),
                    remove.predicate());
            if (counted.blocks() != remove.size()) {
                throw new GridlearnException("dataset '" + schema.name() + "': only " + counted.blocks() + " of the "
                        + remove.size() + " blocks to remove are stored (members lost?); nothing was changed");
            }
            rowsRemoved = counted.rows();
        }
        long rowsAdded = 0;
        for (int r : rows) {
            rowsAdded += r;
        }
        BlockIds added = BlockIds.of(ids);
        for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
            DatasetSchema current = catalog.find(schema.name())
                    .filter(s -> s.mapName().equals(schema.mapName()))
                    .orElseThrow(() -> new GridlearnException("dataset '" + schema.name()
                            + "' was dropped or reloaded meanwhile; nothing was changed"));
            if (!current.layout().containsAll(remove)) {
                throw new GridlearnException("dataset '" + schema.name() + "': blocks "
                        + remove.minus(current.layout()) + " were removed by another change meanwhile; "
                        + "nothing was changed, retry");
            }
            if (current.rows() - rowsRemoved + rowsAdded <= 0) {
                throw new BadInputException("this change would leave dataset '" + schema.name() + "' empty");
            }
            Fingerprint fp = Fingerprint.continuing(current.fingerprint());
            if (!remove.isEmpty()) {
                fp.remove(remove);
            }
            for (long d : digests) {
                fp.addDigest(d);
            }
            BlockIds layout = current.layout().minus(remove).union(added);
            int nextBlock = added.isEmpty() ? current.nextBlock() : Math.max(current.nextBlock(), added.last() + 1);
            DatasetSchema after = new DatasetSchema(current.name(), current.mapName(), current.columns(),
                    current.rows() - rowsRemoved + rowsAdded, layout.count(), current.blockSize(),
                    // the source stays as loaded ("map:NAME"): a follower publishes many changes, and the schema
                    // would otherwise grow with each of them
                    fp.hex(current.columns()), current.source(), Instant.now().toString(), layout, nextBlock);
            if (catalog.replace(current, after)) {
                return new DatasetChange(current, after, remove, added, rowsRemoved, rowsAdded);
            }
        }
        throw new GridlearnException("dataset '" + schema.name() + "' kept changing under " + PUBLISH_ATTEMPTS
                + " attempts to publish; nothing was changed, retry");
    }

    /**
     * Deletes the blocks a published change removed (ids still in the newest layout are kept: ids are
     * never reused, so that happens only if the change was not published).
     *
     * @param catalog the grid's datasets
     * @param change  a change returned by this class or {@link DatasetAppender}
     */
    public static void purge(DatasetCatalog catalog, DatasetChange change) {
        if (change.removed().isEmpty()) {
            return;
        }
        Optional<DatasetSchema> now = catalog.find(change.after().name());
        BlockIds keep = now.filter(s -> s.mapName().equals(change.after().mapName()))
                .map(DatasetSchema::layout).orElse(BlockIds.empty());
        IMap<Integer, RowBlock> map = catalog.blocks(change.after());
        List<CompletionStage<Boolean>> inFlight = new ArrayList<>();
        change.removed().minus(keep).forEach(id -> {
            inFlight.add(map.removeAsync(id).thenApply(v -> true));
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                await(inFlight, "deleting removed blocks");
            }
        });
        await(inFlight, "deleting removed blocks");
    }

    private static DatasetChange runThenPurge(DatasetCatalog catalog, DatasetChange change,
                                              Consumer<DatasetChange> beforePurge) {
        try {
            beforePurge.accept(change);
        } finally {
            purge(catalog, change);
        }
        return change;
    }

    /** Fails with the ids the schema does not have, and the ids it has. */
    static void checkListed(DatasetSchema schema, BlockIds blocks) {
        BlockIds unknown = blocks.minus(schema.layout());
        if (!unknown.isEmpty()) {
            throw new BadInputException("dataset '" + schema.name() + "' has no block" + (unknown.size() == 1 ? " " : "s ")
                    + unknown + "; its blocks are " + (schema.layout().isEmpty() ? "none" : schema.layout().toString()));
        }
    }

    /**
     * The protocol of the class comment: removes {@code remove} and adds {@code blocks} (renumbered) in one
     * published schema, or changes nothing visible. {@code beforePublish} is a test hook run once before the
     * first compare-and-set (null: none). The removed blocks are not deleted here.
     */
    static DatasetChange commit(DatasetCatalog catalog, DatasetSchema schema, BlockIds remove, List<RowBlock> blocks,
                                String source, Runnable beforePublish) {
        checkListed(schema, remove);
        if (blocks.isEmpty() && remove.equals(schema.layout())) {
            throw new BadInputException("removing blocks " + remove + " would leave dataset '" + schema.name()
                    + "' empty; use drop to remove a dataset");
        }
        for (RowBlock b : blocks) {
            if (b.cols() != schema.columns().size() || b.rows() < 1 || b.rows() > schema.blockSize()) {
                throw new BadInputException("a new block of dataset '" + schema.name() + "' needs "
                        + schema.columns().size() + " columns and 1 to " + schema.blockSize() + " rows");
            }
        }
        IMap<Integer, RowBlock> map = catalog.blocks(schema);
        long rowsRemoved = 0;
        if (!remove.isEmpty()) {
            BlockCountAggregator counted = map.aggregate(new BlockCountAggregator(), remove.predicate());
            if (counted.blocks() != remove.size()) {
                throw new GridlearnException("dataset '" + schema.name() + "': only " + counted.blocks() + " of the "
                        + remove.size() + " blocks to remove are stored (members lost?); nothing was changed");
            }
            rowsRemoved = counted.rows();
        }
        List<RowBlock> staged = new ArrayList<>(blocks.size());
        BlockIds added = BlockIds.empty();
        long rowsAdded = 0;
        try {
            if (!blocks.isEmpty()) {
                int first = catalog.reserveBlockIds(schema, blocks.size());
                added = BlockIds.range(first, first + blocks.size());
                List<CompletionStage<Void>> inFlight = new ArrayList<>();
                int id = first;
                for (RowBlock b : blocks) {
                    RowBlock renumbered = new RowBlock(id++, b.rows(), b.cols(), b.values());
                    staged.add(renumbered);
                    rowsAdded += b.rows();
                    inFlight.add(map.setAsync(renumbered.blockId(), renumbered));
                    if (inFlight.size() >= MAX_IN_FLIGHT) {
                        await(inFlight, "storing a new block");
                    }
                }
                await(inFlight, "storing a new block");
            }
            if (beforePublish != null) {
                beforePublish.run();
            }
            for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
                DatasetSchema current = catalog.find(schema.name())
                        .filter(s -> s.mapName().equals(schema.mapName()))
                        .orElseThrow(() -> new GridlearnException("dataset '" + schema.name()
                                + "' was dropped or reloaded meanwhile; nothing was changed"));
                if (!current.layout().containsAll(remove)) {
                    throw new GridlearnException("dataset '" + schema.name() + "': blocks "
                            + remove.minus(current.layout()) + " were removed by another change meanwhile; "
                            + "nothing was changed, retry");
                }
                if (staged.isEmpty() && current.layout().equals(remove)) {
                    throw new BadInputException("removing blocks " + remove + " would leave dataset '"
                            + schema.name() + "' empty; use drop to remove a dataset");
                }
                DatasetSchema after = next(current, remove, staged, added, rowsRemoved, rowsAdded, source);
                if (catalog.replace(current, after)) {
                    return new DatasetChange(current, after, remove, added, rowsRemoved, rowsAdded);
                }
            }
            throw new GridlearnException("dataset '" + schema.name() + "' kept changing under " + PUBLISH_ATTEMPTS
                    + " attempts to publish; nothing was changed, retry");
        } catch (RuntimeException e) {
            if (publishedAnyway(catalog, schema, added, e)) {
                throw e; // the compare-and-set took effect before the failure was reported: the blocks are live
            }
            added.forEach(id -> {
                try {
                    map.delete(id);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup); // the grid is failing; the staged block stays invisible
                }
            });
            throw e;
        }
    }

    /**
     * Whether the newest schema already lists the staged blocks: a compare-and-set can succeed on the member and
     * still be reported as failed (an operation timeout, a member lost while the call was retried), and deleting
     * the blocks then would leave a published schema naming blocks that are gone. When the schema cannot be read
     * either, the blocks are kept (an invisible orphan is the lesser harm).
     */
    private static boolean publishedAnyway(DatasetCatalog catalog, DatasetSchema schema, BlockIds added,
                                           RuntimeException failure) {
        if (added.isEmpty()) {
            return false;
        }
        try {
            return catalog.find(schema.name())
                    .filter(s -> s.mapName().equals(schema.mapName()))
                    .map(s -> s.layout().containsAll(added))
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            failure.addSuppressed(unreadable);
            return true;
        }
    }

    /** The schema after removing {@code remove} from and adding {@code staged} to {@code current}. */
    private static DatasetSchema next(DatasetSchema current, BlockIds remove, List<RowBlock> staged, BlockIds added,
                                      long rowsRemoved, long rowsAdded, String source) {
        Fingerprint fp = Fingerprint.continuing(current.fingerprint());
        if (!remove.isEmpty()) {
            fp.remove(remove);
        }
        for (RowBlock b : staged) {
            fp.add(b);
        }
        BlockIds layout = current.layout().minus(remove).union(added);
        int nextBlock = added.isEmpty() ? current.nextBlock() : Math.max(current.nextBlock(), added.last() + 1);
        String what = (remove.isEmpty() ? "" : " - blocks " + remove) + (staged.isEmpty() ? "" : " + " + source);
        return new DatasetSchema(current.name(), current.mapName(), current.columns(),
                current.rows() - rowsRemoved + rowsAdded, layout.count(), current.blockSize(),
                fp.hex(current.columns()), current.source() + what, Instant.now().toString(), layout, nextBlock);
    }

    private static <T> void await(List<CompletionStage<T>> inFlight, String what) {
        try {
            CompletableFuture.allOf(inFlight.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while " + what, e);
        } catch (Exception e) {
            throw new GridlearnException(what + " failed: " + e.getMessage(), e);
        } finally {
            inFlight.clear();
        }
    }
}
