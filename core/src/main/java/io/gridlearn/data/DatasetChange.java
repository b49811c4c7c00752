package io.gridlearn.data;

import java.util.Objects;

/**
 * What one published change of a dataset did: the schema it replaced, the schema it published, the blocks it
 * removed from the layout and the blocks it added (fresh ids, after every id used before).
 *
 * <p>The removed blocks are still stored when the change is handed to listeners (live models subtract
 * their moments from them) and are deleted afterwards by {@link DatasetEditor#purge}; no pass sees them
 * either way, because every pass reads only the blocks its schema's layout names.
 *
 * @param before      the schema the change was applied to (the newest one when it was published)
 * @param after       the schema it published
 * @param removed     block ids taken out of the layout
 * @param added       block ids put into the layout
 * @param rowsRemoved rows in the removed blocks
 * @param rowsAdded   rows in the added blocks
 */
public record DatasetChange(DatasetSchema before, DatasetSchema after, BlockIds removed, BlockIds added,
                            long rowsRemoved, long rowsAdded) {
    /**
     * Checks that the two schemas, the block sets and the row counts agree.
     *
     * @param before      the schema the change was applied to
     * @param after       the schema it published (same dataset and map)
     * @param removed     block ids taken out of the layout: in {@code before}'s layout and not in {@code after}'s
     * @param added       block ids put into the layout: in {@code after}'s layout
     * @param rowsRemoved rows in the removed blocks, ≥ 0
     * @param rowsAdded   rows in the added blocks, ≥ 0
     * @throws IllegalArgumentException if the layouts or the row counts do not add up
     *                                  ({@code after.rows() = before.rows() − rowsRemoved + rowsAdded})
     */
    public DatasetChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(added, "added");
        if (!before.name().equals(after.name()) || !before.mapName().equals(after.mapName())) {
            throw new IllegalArgumentException("a change stays within one dataset");
        }
        if (!before.layout().containsAll(removed) || after.layout().intersect(removed).size() != 0
                || !after.layout().containsAll(added)) {
            throw new IllegalArgumentException("layouts " + before.layout() + " → " + after.layout()
                    + " do not match removed " + removed + " and added " + added);
        }
        if (after.rows() != before.rows() - rowsRemoved + rowsAdded || rowsRemoved < 0 || rowsAdded < 0) {
            throw new IllegalArgumentException("row counts do not add up: " + before.rows() + " − " + rowsRemoved
                    + " + " + rowsAdded + " ≠ " + after.rows());
        }
    }
}
