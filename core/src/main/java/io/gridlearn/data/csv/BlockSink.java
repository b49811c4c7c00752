package io.gridlearn.data.csv;

import io.gridlearn.data.RowBlock;

/**
 * Receives the blocks of an ingest. It is called from one thread, the one that called
 * {@link CsvIngest#ingest}, strictly in block order 0, 1, 2, ..., so an implementation needs no locking
 * and may rely on order (for example to append to a file). Throwing stops the ingest.
 */
@FunctionalInterface
public interface BlockSink {
    /**
     * Takes the next block.
     *
     * @param block the block, with ids 0, 1, 2, … in turn
     * @throws Exception to stop the ingest
     */
    void accept(RowBlock block) throws Exception;
}
