package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() throws Exception {
        Path file = Ingested.write(dir, "q.csv", "name,note,value\n"
                + "\"Smith, J\",\"said \"\"hi\"\"\nthen left\",1.5\n"
                + "plain,\"multi\nline\ntext\",2\n"
                + "\"\",\"\"\"\",\"3\"\n");
        Ingested in = Ingested.of(file);
        assertEquals(List.of(ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC), in.header().kinds());
        assertEquals(List.of("Smith, J", "plain"), in.header().levels().get(0));
        assertEquals(List.of("said \"hi\"\nthen left", "multi\nline\ntext", "\""), in.header().levels().get(1));
        assertEquals(3, in.rows());
        assertEquals(1.5, in.get(0, 2));
        assertEquals(2.0, in.get(1, 2));
        assertEquals(3.0, in.get(2, 2), "a quoted number is a number");
        assertTrue(Double.isNaN(in.get(2, 0)), "a quoted empty field is missing");
        assertEquals("\"", in.level(2, 1));
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() throws Exception {
        Path file = Ingested.write(dir, "lines.csv", "id,text,x\n"
                + "1,\"a\nb\nc\",1\n" // lines 2-4
                + "2,\"d\r\ne\",2\n" // lines 5-6
                + "3,plain,oops\n"); // line 7
        BadInputException e = assertThrows(BadInputException.class,
                () -> Ingested.of(file, CsvOptions.defaults().withSampleRows(2)));
        assertTrue(e.getMessage().startsWith("lines.csv: line 7, column 3 (\"x\"): \"oops\" is not a number"),
                e.getMessage());
    }

    @Test
    void crlfAndMixedLineEndings() throws Exception {
        Path file = Ingested.write(dir, "crlf.csv", "a,b\r\n1,x\r\n2,y\n3,\"p\r\nq\"\r\n4,z\r\n\r\n");
        Ingested in = Ingested.of(file);
        assertEquals(List.of("a", "b"), in.header().names());
        assertEquals(4, in.rows());
        for (int r = 0; r < 4; r++) {
            assertEquals(r + 1, in.get(r, 0));
        }
        assertEquals(List.of("x", "y", "p\r\nq", "z"), in.header().levels().get(1), "no stray \\r in values");
    }

    @Test
    void byteOrderMarkIsSkippedAndHeaderNamesTrimmed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(" first , \" second \",third\n1,2,3".getBytes(StandardCharsets.UTF_8));
        Ingested in = Ingested.of(Ingested.write(dir, "bom.csv", bytes.toByteArray()));
        assertEquals(List.of("first", "second", "third"), in.header().names());
        assertEquals(1.0, in.get(0, 0), "the last line needs no line break");
        assertEquals(3.0, in.get(0, 2));
    }

    @Test
    void missingMarkersAreNaNInAnyColumn() throws Exception {
        Path file = Ingested.write(dir, "na.csv", "x,c\n1,red\n,\nNA,NA\n NaN , nan \nnan,\"\"\n\"NA\",blue\n 2 ,red\n");
        Ingested in = Ingested.of(file);
        assertEquals(List.of(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL), in.header().kinds());
        assertEquals(List.of("red", "blue"), in.header().levels().get(1), "missing markers are not levels");
        assertEquals(7, in.rows());
        for (int r = 1; r <= 5; r++) {
            assertTrue(Double.isNaN(in.get(r, 0)), "x row " + r);
        }
        for (int r = 1; r <= 4; r++) {
            assertTrue(Double.isNaN(in.get(r, 1)), "c row " + r);
        }
        assertEquals(2.0, in.get(6, 0), "blanks around a number are allowed");
        assertEquals(0.0, in.get(6, 1));
    }

    @Test
    void naMarkerIsCaseSensitiveSoLowercaseNaIsText() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "na2.csv", "code\nna\n1\n"));
        assertEquals(ColumnKind.CATEGORICAL, in.header().kinds().get(0));
        assertEquals(List.of("na", "1"), in.header().levels().get(0));
    }

    @Test
    void infinitiesAndExponentsAreNumbers() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "inf.csv", "v\nInfinity\n-inf\nInf\n1e5\n-2.5E-3\n.5\n5.\n"));
        assertEquals(ColumnKind.NUMERIC, in.header().kinds().get(0));
        double[] expected = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            1e5, -2.5e-3, 0.5, 5.0};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], in.get(r, 0), "row " + r);
        }
    }

    @Test
    void trailingEmptyLinesAreIgnored() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "trail.csv", "a,b\n1,2\n3,4\n\n\r\n\n"));
        assertEquals(2, in.rows());
        assertEquals(4.0, in.get(1, 1));
    }

    @Test
    void emptyLineInAOneColumnFileIsAMissingValue() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "one.csv", "x\n1\n\n\r\n2\n\n"));
        assertEquals(4, in.rows());
        assertEquals(1.0, in.get(0, 0));
        assertTrue(Double.isNaN(in.get(1, 0)));
        assertTrue(Double.isNaN(in.get(2, 0)));
        assertEquals(2.0, in.get(3, 0));
    }

    @Test
    void utf8TextAndBlanksAroundQuotes() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "utf8.csv", "città,n\nZürich,1\n  \"  São Paulo \"  ,2\n 東京 ,3\n"));
        assertEquals("città", in.header().names().get(0));
        assertEquals(List.of("Zürich", "  São Paulo ", "東京"), in.header().levels().get(0),
                "unquoted text is trimmed, quoted text kept verbatim");
    }
}
