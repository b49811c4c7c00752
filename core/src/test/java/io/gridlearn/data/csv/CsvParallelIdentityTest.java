package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel parse gives the dataset a sequential parse gives, bit for bit: the same block ids, rows per block,
 * row order and value bits (NaN payloads and −0.0 included), and the same first error with its physical line,
 * on block sizes that cut the file anywhere, quoted fields with commas, doubled quotes and line breaks inside,
 * CRLF lines, blanks around numbers, every missing-value spelling and numbers that take the slow path.
 */
class CsvParallelIdentityTest {
    @TempDir
    Path dir;

    private static final int[] BLOCK_SIZES = {1, 2, 7, 64, 333, 4096};
    private static final int[] THREADS = {2, 3, 5};

    /** A CSV of {@code rows} awkward rows; {@code badRow} (or −1) gets one field too many. */
    private static String awkward(int rows, long seed, int badRow) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("num,label,count,ratio\n");
        for (int r = 0; r < rows; r++) {
            double x = random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9));
            String num = switch (random.nextInt(10)) {
                case 0 -> "";
                case 1 -> "NA";
                case 2 -> random.nextBoolean() ? "NaN" : "nan";
                case 3 -> String.format(Locale.ROOT, "%.7f", x);
                case 4 -> String.format(Locale.ROOT, "%.17e", x); // more digits than the fast path takes
                case 5 -> " " + Double.toString(x) + "\t";
                case 6 -> "-0.0";
                case 7 -> "12345678901234567890.5"; // 21 significant digits
                default -> Double.toString(x);
            };
            String label = switch (random.nextInt(6)) {
                case 0 -> "\"two\nlines\"";
                case 1 -> "\"a, \"\"quoted\"\" comma\"";
                case 2 -> "NA";
                case 3 -> "\"crlf\r\ninside\"";
                default -> "l" + random.nextInt(7);
            };
            sb.append(num).append(',').append(label).append(',').append(random.nextInt(1000)).append(',')
                    .append(random.nextInt(3) == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextDouble()));
            if (r == badRow) {
                sb.append(",extra");
            }
            sb.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private static void assertSameBlocks(Ingested expected, Ingested actual, String what) {
        assertEquals(expected.header(), actual.header(), what);
        assertEquals(expected.blocks().size(), actual.blocks().size(), what);
        for (int b = 0; b < expected.blocks().size(); b++) {
            RowBlock e = expected.blocks().get(b);
            RowBlock a = actual.blocks().get(b);
            assertEquals(e.blockId(), a.blockId(), what);
            assertEquals(e.rows(), a.rows(), what + " block " + b);
            assertEquals(e.cols(), a.cols(), what + " block " + b);
            for (int i = 0; i < e.values().length; i++) {
                assertEquals(Double.doubleToRawLongBits(e.values()[i]), Double.doubleToRawLongBits(a.values()[i]),
                        what + " block " + b + " value " + i);
            }
        }
    }

    @Test
    void parallelBlocksAreBitIdenticalToSequentialOnesWhereverTheBlocksEnd() throws Exception {
        // 1,009 rows (prime): no block size here divides it, so every run ends on a short block
        Path file = Ingested.write(dir, "awkward.csv", awkward(1_009, 7, -1));
        for (int size : BLOCK_SIZES) {
            CsvOptions base = CsvOptions.defaults().withBlockSize(size).withSampleRows(50);
            Ingested sequential = Ingested.of(file, base.withThreads(1).withMaxBlocksInFlight(1));
            assertEquals(1_009, sequential.rows());
            assertEquals((1_009 + size - 1) / size, sequential.blocks().size());
            for (int threads : THREADS) {
                assertSameBlocks(sequential, Ingested.of(file, base.withThreads(threads)),
                        "block size " + size + ", " + threads + " threads");
            }
        }
    }

    @Test
    void aMalformedLineIsReportedWithItsPhysicalLineWhateverTheThreads() throws Exception {
        int badRow = 700;
        String content = awkward(1_009, 11, badRow);
        // the physical line of data row badRow: header, then every line break before it (inside quotes too)
        int recordStart = 0;
        int records = 0;
        boolean quoted = false;
        for (int i = content.indexOf('\n') + 1; records < badRow; i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
                recordStart = i + 1;
            }
        }
        long line = 1 + content.substring(0, recordStart).chars().filter(c -> c == '\n').count();
        Path file = Ingested.write(dir, "bad.csv", content);
        String expected = "bad.csv: line " + line + ": found 5 fields, expected 4";
        for (int size : BLOCK_SIZES) {
            CsvOptions base = CsvOptions.defaults().withBlockSize(size).withSampleRows(50);
            for (CsvOptions options : new CsvOptions[] {base.withThreads(1).withMaxBlocksInFlight(1),
                    base.withThreads(2), base.withThreads(5)}) {
                String message = assertThrows(BadInputException.class, () -> Ingested.of(file, options)).getMessage();
                assertTrue(message.startsWith(expected), () -> "block size " + size + ", " + options.threads()
                        + " threads: expected '" + expected + "…' but was: " + message);
                assertEquals(-1, message.indexOf('\n'), "one line");
            }
        }
    }
}
