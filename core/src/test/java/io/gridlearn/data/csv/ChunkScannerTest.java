package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunk refills and buffer growth only happen on big files in production; tiny chunks force them here. */
class ChunkScannerTest {
    @TempDir
    Path dir;

    @Test
    void unitsDoNotDependOnChunkSize() throws Exception {
        String content = "h\n1\n\"a\nb\"\n\"x\"\"\n\"\r\n4\n5\n6\n7";
        Path file = Ingested.write(dir, "s.csv", content);
        byte[] bytes = Files.readAllBytes(file);
        // Expected units of 2 records after the header (line 1): the lines each unit starts on.
        String[] units = {"1\n\"a\nb\"\n", "\"x\"\"\n\"\r\n4\n", "5\n6\n", "7"};
        long[] startLines = {2, 5, 8, 10};
        for (int chunk : new int[] {1, 2, 3, 5, 8, 64, 1 << 20}) {
            try (FileChannel ch = FileChannel.open(file)) {
                ChunkScanner scanner = new ChunkScanner(ch, "s.csv", 0, bytes.length, 1, chunk, new BufferPool());
                assertEquals("h\n", text(scanner.next(1, 0)));
                for (int u = 0; u < units.length; u++) {
                    WorkUnit unit = scanner.next(2, u);
                    assertEquals(units[u], text(unit), "unit " + u + " with chunk " + chunk);
                    assertEquals(startLines[u], unit.startLine(), "unit " + u + " with chunk " + chunk);
                    assertEquals(u == 3 ? 1 : 2, unit.records());
                    assertEquals(content.indexOf(units[u]) + units[u].length(), unit.endOffset());
                }
                assertNull(scanner.next(2, 4));
            }
        }
    }

    @Test
    void scannerStopsAtTheGivenEnd() throws Exception {
        Path file = Ingested.write(dir, "e.csv", "a\nb\nc\n\n\n");
        try (FileChannel ch = FileChannel.open(file)) {
            ChunkScanner scanner = new ChunkScanner(ch, "e.csv", 2, 5, 2, 4, null);
            WorkUnit unit = scanner.next(10, 0);
            assertArrayEquals("b\nc".getBytes(), Arrays.copyOf(unit.data(), unit.length()));
            assertEquals(2, unit.records());
            assertNull(scanner.next(10, 1));
        }
    }

    private static String text(WorkUnit unit) {
        return new String(unit.data(), 0, unit.length());
    }
}
