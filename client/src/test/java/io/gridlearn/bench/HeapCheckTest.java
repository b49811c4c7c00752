package io.gridlearn.bench;

import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's heap check: refuses a size the heap cannot hold, saying what to do about it. */
class HeapCheckTest {
    private static final BenchmarkSettings DEFAULT = BenchmarkSettings.of(BenchmarkSettings.DEFAULT_ROWS,
            BenchmarkSettings.DEFAULT_FEATURES, BenchmarkSettings.DEFAULT_MEMBERS, 4096, null, "all", null);

    @Test
    void refusesTooLittleHeapWithTheRemedies() {
        BadInputException e = assertThrows(BadInputException.class, () -> HeapCheck.require(DEFAULT, 1L << 30));
        assertTrue(e.getMessage().contains("GRIDLEARN_JAVA_OPTS=-Xmx3g"), e.getMessage());
        assertTrue(e.getMessage().contains("--rows"), e.getMessage());
    }

    @Test
    void theSuggestedRowCountFits() {
        long heap = 1L << 30;
        String message = assertThrows(BadInputException.class, () -> HeapCheck.require(DEFAULT, heap)).getMessage();
        String rows = message.replaceAll(".*choose --rows ([0-9,]+) or fewer.*", "$1").replace(",", "");
        BenchmarkSettings smaller = BenchmarkSettings.of(Integer.parseInt(rows), BenchmarkSettings.DEFAULT_FEATURES,
                BenchmarkSettings.DEFAULT_MEMBERS, 4096, null, "all", null);
        assertDoesNotThrow(() -> HeapCheck.require(smaller, heap));
    }

    @Test
    void theDefaultSizeFitsInFourGigabytes() {
        assertDoesNotThrow(() -> HeapCheck.require(DEFAULT, 4L << 30));
    }
}
