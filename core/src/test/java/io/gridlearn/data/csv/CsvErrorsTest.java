package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvErrorsTest {
    @TempDir
    Path dir;

    private String error(String content, CsvOptions options) throws Exception {
        Path file = Ingested.write(dir, "bad.csv", content);
        return assertThrows(BadInputException.class, () -> Ingested.of(file, options)).getMessage();
    }

    private String error(String content) throws Exception {
        return error(content, CsvOptions.defaults().withThreads(2));
    }

    private static void assertStarts(String prefix, String message) {
        assertTrue(message.startsWith(prefix), () -> "expected '" + prefix + "...' but was: " + message);
    }

    @Test
    void missingFileAndDirectory() {
        String missing = assertThrows(BadInputException.class,
                () -> Ingested.of(dir.resolve("nope.csv"))).getMessage();
        assertStarts("nope.csv: no such file", missing);
        String directory = assertThrows(BadInputException.class, () -> Ingested.of(dir)).getMessage();
        assertTrue(directory.contains("is a directory"), directory);
    }

    @Test
    void emptyFiles() throws Exception {
        assertStarts("bad.csv: the file is empty", error(""));
        assertStarts("bad.csv: the file is empty", error("\n\r\n\n"));
        assertStarts("bad.csv: the file is empty", error("\uFEFF"));
    }

    @Test
    void headerWithoutRows() throws Exception {
        assertStarts("bad.csv: the file has a header line but no data rows", error("a,b"));
        assertStarts("bad.csv: the file has a header line but no data rows", error("a,b\r\n\n"));
    }

    @Test
    void emptyAndDuplicateHeaderNames() throws Exception {
        assertStarts("bad.csv: line 1, column 2: the header name is empty", error("a, ,c\n1,2,3\n"));
        assertStarts("bad.csv: line 1, column 3: the header name is empty", error("a,b,\n1,2,3\n"));
        assertStarts("bad.csv: line 1: columns 2 and 4 are both named \"x\"", error("a,x,b, x \n1,2,3,4\n"));
    }

    @Test
    void raggedRows() throws Exception {
        String tooMany = error("a,b,c\n1,2,3\n4,5,6,7,8\n");
        assertStarts("bad.csv: line 3: found 5 fields, expected 3", tooMany);
        String tooFew = error("a,b,c\n1,2,3\n4,5,6\n\"x\ny\",5\n");
        assertStarts("bad.csv: line 4: found 2 fields, expected 3", tooFew);
    }

    @Test
    void emptyLineInTheMiddleOfAMultiColumnFile() throws Exception {
        assertStarts("bad.csv: line 3: the line is empty, expected 2 fields", error("a,b\n1,2\n\n3,4\n"));
        assertStarts("bad.csv: line 3: the line is empty", error("a,b\r\n1,2\r\n\r\n3,4\r\n"));
    }

    @Test
    void textInANumericColumnAfterTheSample() throws Exception {
        StringBuilder sb = new StringBuilder("id,age,name\n");
        for (int i = 0; i < 5; i++) {
            sb.append(i).append(',').append(20 + i).append(",n").append(i).append('\n');
        }
        sb.append("5,abc,n5\n"); // line 7
        String message = error(sb.toString(), CsvOptions.defaults().withSampleRows(5).withBlockSize(2));
        assertEquals("bad.csv: line 7, column 2 (\"age\"): \"abc\" is not a number (the column is numeric: its"
                + " first 5 values are numbers; use a larger type-inference sample to read it as categorical)",
                message);
    }

    @Test
    void unterminatedQuoteAtEndOfFile() throws Exception {
        assertStarts("bad.csv: line 3, column 2 (\"b\"): the quoted field that starts here is not closed",
                error("a,b\n1,2\n3,\"abc\n4,5\n6,7\n"));
        assertStarts("bad.csv: line 2, column 1 (\"a\"): the quoted field that starts here is not closed",
                error("a\n\"x\n\n", CsvOptions.defaults().withBlockSize(1)));
    }

    @Test
    void strayQuoteInsideAnUnquotedField() throws Exception {
        assertStarts("bad.csv: line 4, column 3 (\"c\"): a '\"' inside an unquoted field",
                error("a,b,c\n1,2,3\n4,5,6\n7,8,ab\"c\n9,10,11\n"));
        assertStarts("bad.csv: line 2, column 1 (\"a\"): a '\"' inside an unquoted field",
                error("a,b\n5\"\n1,2\n", CsvOptions.defaults().withBlockSize(1).withThreads(4)));
    }

    @Test
    void textAfterAClosingQuote() throws Exception {
        assertStarts("bad.csv: line 3, column 2 (\"b\"): unexpected 'x' after the closing quote",
                error("a,b\n1,2\n3,\"q\"x\n"));
    }

    @Test
    void errorsDeepInTheFileNameTheirPhysicalLine() throws Exception {
        StringBuilder sb = new StringBuilder("n,t\n");
        for (int i = 0; i < 300; i++) {
            sb.append(i).append(",\"l1\nl2\"\n"); // two physical lines per record
        }
        sb.append("1,2,3\n"); // header + 600 lines before it: line 602
        String message = error(sb.toString(),
                CsvOptions.defaults().withBlockSize(7).withThreads(4).withSampleRows(10));
        assertStarts("bad.csv: line 602: found 3 fields, expected 2", message);
    }

    @Test
    void theFirstErrorInTheFileWinsWhateverTheThreadTiming() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 1500 ? "x\"y,1" : i == 40 ? "1,2,3" : i + ",1").append('\n');
        }
        for (int run = 0; run < 5; run++) {
            assertStarts("bad.csv: line 42: found 3 fields, expected 2",
                    error(sb.toString(), CsvOptions.defaults().withBlockSize(1).withThreads(4).withSampleRows(5)));
        }
    }
}
