package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.RowBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBlocksTest {
    @TempDir
    Path dir;

    @Test
    void everyBlockButTheLastIsFullAndRowsKeepTheirIds() throws Exception {
        StringBuilder sb = new StringBuilder("id,twice\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i).append(',').append(2 * i).append('\n');
        }
        Path file = Ingested.write(dir, "ten.csv", sb.toString());
        Ingested in = Ingested.of(file, CsvOptions.defaults().withBlockSize(3).withThreads(3));
        assertEquals(List.of(3, 3, 3, 1), in.blocks().stream().map(RowBlock::rows).toList());
        for (RowBlock block : in.blocks()) {
            assertEquals(2, block.cols());
            for (int r = 0; r < block.rows(); r++) {
                int id = block.blockId() * 3 + r;
                assertEquals(id, block.get(r, 0));
                assertEquals(2 * id, block.values()[block.columnOffset(1) + r], "column-major layout");
            }
        }
        assertEquals(10, in.header().rows());
        assertEquals(Files.size(file), in.header().bytes());
    }

    @Test
    void blockSizeLargerThanTheFileGivesOneBlock() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "small.csv", "a\n1\n2\n"), CsvOptions.defaults());
        assertEquals(1, in.blocks().size());
        assertEquals(2, in.blocks().get(0).rows());
    }

    @Test
    void parallelParseEqualsSequentialAndTheExpectedValues() throws Exception {
        RandomCsv csv = new RandomCsv(dir, 20_000, 5);
        CsvOptions base = CsvOptions.defaults().withBlockSize(128).withSampleRows(50);
        Ingested one = Ingested.of(csv.file, base.withThreads(1).withMaxBlocksInFlight(1));
        Ingested four = Ingested.of(csv.file, base.withThreads(4));
        assertEquals(one.header(), four.header());
        assertEquals(one.blocks().size(), four.blocks().size());
        for (int b = 0; b < one.blocks().size(); b++) {
            assertEquals(one.blocks().get(b).rows(), four.blocks().get(b).rows());
            assertArrayEquals(one.blocks().get(b).values(), four.blocks().get(b).values(), "block " + b);
        }
        assertEquals(List.of(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL),
                four.header().kinds());
        assertEquals(csv.rows, four.rows());
        List<String> firstSeen = new ArrayList<>();
        for (int r = 0; r < csv.rows; r++) {
            assertEquals(csv.numbers[0][r], four.get(r, 0), "num row " + r);
            assertEquals(csv.numbers[2][r], four.get(r, 2), "int row " + r);
            assertEquals(csv.text[1][r], four.level(r, 1), "cat row " + r);
            assertEquals(csv.text[3][r], four.level(r, 3), "rare row " + r);
            if (!firstSeen.contains(csv.text[3][r])) {
                firstSeen.add(csv.text[3][r]);
            }
        }
        assertEquals(firstSeen, four.header().levels().get(3), "levels in order of first appearance");
    }

    @Test
    void atMostMaxBlocksInFlightUnitsExistAtOnce() throws Exception {
        RandomCsv csv = new RandomCsv(dir, 3_000, 3);
        int inFlight = 3;
        AtomicInteger maxCut = new AtomicInteger(-1);
        AtomicInteger largestLead = new AtomicInteger();
        CsvIngest.ingest(csv.file, CsvOptions.defaults().withBlockSize(20).withThreads(2).withMaxBlocksInFlight(inFlight),
                block -> {
                    if (block.blockId() % 10 == 0) {
                        Thread.sleep(20); // let the reader run as far ahead as it may
                    }
                    int lead = maxCut.get() - block.blockId();
                    assertTrue(lead < inFlight, "block " + block.blockId() + " is committing while block "
                            + maxCut.get() + " was already cut");
                    largestLead.accumulateAndGet(lead, Math::max);
                }, null, blockId -> maxCut.accumulateAndGet(blockId, Math::max));
        assertEquals(inFlight - 1, largestLead.get(), "the reader does run ahead up to the bound");
    }

    @Test
    void progressRisesToTheFileSize() throws Exception {
        RandomCsv csv = new RandomCsv(dir, 2_000, 9);
        List<long[]> calls = new ArrayList<>();
        CsvIngest.ingest(csv.file, CsvOptions.defaults().withBlockSize(100), block -> { },
                (read, total) -> calls.add(new long[] {read, total}));
        long size = Files.size(csv.file);
        assertTrue(calls.size() >= 20, "one call per block at least, got " + calls.size());
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "progress never goes back");
            assertEquals(size, calls.get(i)[1]);
        }
        assertTrue(calls.get(0)[0] < size / 5, "the first block is a small part of the file");
        assertArrayEquals(new long[] {size, size}, calls.get(calls.size() - 1));
    }
}
