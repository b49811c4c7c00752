package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The blocks a parse keeps in flight shrink with the heap only when wide blocks would not fit in a quarter of it. */
class InFlightBoundTest {
    private static final long TWO_GB = 2L << 30;

    @Test
    void usualShapesKeepTheAskedOverlap() {
        // 4,096 rows × 52 columns: 3.4 MB a block in flight, 157 fit in a quarter of 2 GB
        assertEquals(34, IngestPipeline.blocksInFlight(34, 4096, 52, TWO_GB));
        assertEquals(6, IngestPipeline.blocksInFlight(6, 4096, 52, TWO_GB));
    }

    @Test
    void wideBlocksAreFewerButNeverNone() {
        // 3,000 columns: 196.6 MB a block, 2 fit in 512 MiB
        assertEquals(2, IngestPipeline.blocksInFlight(34, 4096, 3000, TWO_GB));
        assertEquals(1, IngestPipeline.blocksInFlight(34, 4096, 100_000, TWO_GB));
        assertEquals(1, IngestPipeline.blocksInFlight(1, 1, 1, TWO_GB));
    }
}
