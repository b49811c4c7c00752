package io.gridlearn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Writes in flight shrink with the heap only for blocks too wide for eight of them in an eighth of it. */
class BlockWriterInFlightTest {
    private static final long TWO_GB = 2L << 30;

    private static RowBlock block(int rows, int cols) {
        return new RowBlock(0, rows, cols, new double[rows * cols]);
    }

    @Test
    void usualBlocksKeepEightWritesInFlight() {
        assertEquals(8, BlockWriter.maxInFlight(block(4096, 52), TWO_GB));
        assertEquals(8, BlockWriter.maxInFlight(block(1, 1), TWO_GB));
    }

    @Test
    void wideBlocksAreSentFewerAtATimeButNeverNone() {
        // 4,096 × 3,000: 295 MB per write, more than an eighth of 2 GB: one at a time
        assertEquals(1, BlockWriter.maxInFlight(block(4096, 3000), TWO_GB));
        // 4,096 × 500: 49 MB per write, 5 fit in 256 MiB
        assertEquals(5, BlockWriter.maxInFlight(block(4096, 500), TWO_GB));
    }
}
