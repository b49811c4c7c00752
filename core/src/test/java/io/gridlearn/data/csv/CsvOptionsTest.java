package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {
    @Test
    void defaultsFollowTheMachine() {
        CsvOptions d = CsvOptions.defaults();
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(4096, d.blockSize());
        assertEquals(1000, d.sampleRows());
        assertEquals(cores, d.threads());
        assertEquals(2 * cores + 2, d.maxBlocksInFlight());
        assertEquals(new CsvOptions(7, 1000, cores, 2 * cores + 2), d.withBlockSize(7));
        assertEquals(new CsvOptions(4096, 1000, 3, 8), d.withThreads(3));
    }

    @Test
    void invalidValuesSayWhatIsAllowed() {
        assertMessage("blockSize must be at least 1", () -> new CsvOptions(0, 1, 1, 1));
        assertMessage("sampleRows must be at least 1", () -> new CsvOptions(1, 0, 1, 1));
        assertMessage("threads must be between 1 and 1024", () -> new CsvOptions(1, 1, 0, 1));
        assertMessage("threads must be between 1 and 1024", () -> new CsvOptions(1, 1, 5000, 1));
        assertMessage("maxBlocksInFlight must be at least 1", () -> new CsvOptions(1, 1, 1, 0));
        assertMessage("was -3", () -> CsvOptions.defaults().withBlockSize(-3));
    }

    private static void assertMessage(String part, Runnable r) {
        String message = assertThrows(BadInputException.class, r::run).getMessage();
        assertTrue(message.contains(part), message);
    }
}
