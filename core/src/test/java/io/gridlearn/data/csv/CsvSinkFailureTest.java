package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkFailureTest {
    @TempDir
    Path dir;
    private Path file;
    private final CsvOptions options = CsvOptions.defaults().withBlockSize(10).withThreads(4);

    @BeforeEach
    void bigEnoughFile() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(",x").append(i % 7).append('\n');
        }
        file = Ingested.write(dir, "f.csv", sb.toString());
    }

    @AfterEach
    void noThreadOutlivesAnIngest() {
        assertEquals(0, Ingested.liveCsvThreads(), "gridlearn-csv-* threads still running");
    }

    @Test
    void checkedExceptionIsWrappedAndTheIngestStops() {
        IOException boom = new IOException("disk full");
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger progress = new AtomicInteger();
        GridlearnException e = assertThrows(GridlearnException.class, () -> CsvIngest.ingest(file, options, block -> {
            if (calls.incrementAndGet() == 3) {
                throw boom;
            }
        }, (read, total) -> progress.incrementAndGet()));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("block 2"), e.getMessage());
        assertEquals(3, calls.get(), "no block after the failing one");
        assertEquals(2, progress.get(), "progress only for committed blocks");
    }

    @Test
    void uncheckedExceptionsPassUnchanged() {
        IllegalStateException state = new IllegalStateException("full");
        assertSame(state, assertThrows(IllegalStateException.class,
                () -> CsvIngest.ingest(file, options, block -> {
                    throw state;
                }, null)));
        BadInputException bad = new BadInputException("wrong shape");
        assertSame(bad, assertThrows(BadInputException.class, () -> CsvIngest.ingest(file, options, block -> {
            if (block.blockId() == 100) {
                throw bad;
            }
        }, null)));
    }

    @Test
    void successAndParseErrorsAlsoLeaveNoThreads() throws Exception {
        CsvHeader header = CsvIngest.ingest(file, options, block -> { }, null);
        assertEquals(20_000, header.rows());
        assertEquals(0, Ingested.liveCsvThreads());
        Path bad = Ingested.write(dir, "bad.csv", "a\n1\n2\nx\n");
        assertThrows(BadInputException.class,
                () -> CsvIngest.ingest(bad, options.withSampleRows(1).withBlockSize(1), block -> { }, null));
    }
}
