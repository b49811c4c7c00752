package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LoadBudget}: the case of issue 15 (two members with 400 MB heaps, a 405 MB CSV of 1,000,000 × 51 with one
 * backup) is refused with a message naming the need and the heap; the same data fits members four times as large;
 * the row estimate of a file is close to its true row count; members of one JVM are counted once.
 */
class LoadBudgetTest {
    private static final long MB = 1_000_000L;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void theIssuesLoadIsRefusedAndFitsLargerMembers() {
        // two 400 MB members, 30 MB live each: the 1M × 51 CSV needs ~867 MB with its backup
        LoadBudget.Heap small = new LoadBudget.Heap(800 * MB, 60 * MB, 1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> LoadBudget.verdict(1_000_000, 51, small, "big.csv"));
        assertTrue(e.getMessage().startsWith("big.csv will not fit in the members' heap: about 1,000,000 rows × 51 "
                + "columns need 867 MB with 1 backup(s), and the members have 740 MB free of 800 MB"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was loaded"), e.getMessage());
        assertDoesNotThrow(() -> LoadBudget.verdict(1_000_000, 51, new LoadBudget.Heap(3200 * MB, 60 * MB, 1), "x"));
        // the headroom is kept: 1,000 MB free of 1,100 MB is not enough for 867 MB + 20 % of 1,100 MB
        assertThrows(BadInputException.class,
                () -> LoadBudget.verdict(1_000_000, 51, new LoadBudget.Heap(1100 * MB, 100 * MB, 1), "x"));
    }

    @Test
    void theRowEstimateIsCloseAndTheEmbeddedGridIsCountedOnce() throws IOException {
        Path csv = tmp.resolve("rows.csv");
        List<String> lines = new ArrayList<>(List.of("a,b,c"));
        for (int i = 0; i < 50_000; i++) {
            lines.add(String.format(Locale.ROOT, "%d,%.3f,%d", i, i / 7.0, i % 13));
        }
        Files.write(csv, lines);
        long[] shape = LoadBudget.estimate(csv);
        assertEquals(3, shape[1]);
        assertEquals(50_000, shape[0], "a small file: every line counted");

        // larger than 16 chunks of 64 KB: sampled through the file, rows growing longer towards its end
        Path big = tmp.resolve("big.csv");
        List<String> more = new ArrayList<>(List.of("a,b,c"));
        for (int i = 0; i < 200_000; i++) {
            more.add(String.format(Locale.ROOT, "%d,%.3f,%d", i * (long) i, i / 7.0, i % 13));
        }
        Files.write(big, more);
        long[] bigShape = LoadBudget.estimate(big);
        assertEquals(200_000, bigShape[0], 200_000 * 0.05, "estimated rows " + bigShape[0]);

        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        LoadBudget.Heap heap = LoadBudget.members(grid[0]);
        assertEquals(Runtime.getRuntime().maxMemory(), heap.max(), "three members in one JVM: one heap");
        assertTrue(heap.live() > 0 && heap.live() < heap.max(), "live " + heap.live());
        assertEquals(1, heap.backups());
        assertDoesNotThrow(() -> LoadBudget.check(grid[0], csv));
    }
}
