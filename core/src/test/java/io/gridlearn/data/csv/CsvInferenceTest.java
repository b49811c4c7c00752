package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridlearn.data.ColumnKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
    @TempDir
    Path dir;

    @Test
    void levelsAreCodedInOrderOfFirstAppearance() throws Exception {
        Path file = Ingested.write(dir, "c.csv", "color,x\nb,1\na,2\nb,3\nNA,4\nc,5\na,6\n");
        for (int threads : new int[] {1, 4}) {
            Ingested in = Ingested.of(file, CsvOptions.defaults().withThreads(threads).withBlockSize(2));
            assertEquals(List.of(ColumnKind.CATEGORICAL, ColumnKind.NUMERIC), in.header().kinds());
            assertEquals(List.of("b", "a", "c"), in.header().levels().get(0));
            assertEquals(List.of(), in.header().levels().get(1));
            double[] codes = {0, 1, 0, Double.NaN, 2, 1};
            for (int r = 0; r < codes.length; r++) {
                assertEquals(codes[r], in.get(r, 0), "row " + r + " with " + threads + " threads");
            }
        }
    }

    @Test
    void oneTextValueInTheSampleMakesNumbersLevelsToo() throws Exception {
        Ingested in = Ingested.of(Ingested.write(dir, "mix.csv", "v\n10\n2.5\nlow\n10\n7\n"));
        assertEquals(ColumnKind.CATEGORICAL, in.header().kinds().get(0));
        assertEquals(List.of("10", "2.5", "low", "7"), in.header().levels().get(0));
        assertEquals(0.0, in.get(3, 0), "the second \"10\" reuses the first code");
    }

    @Test
    void allMissingSampleIsNumericAndLaterNumbersParse() throws Exception {
        Path file = Ingested.write(dir, "empty.csv", "a,b\n,1\nNA,2\n,3\n4.5,4\n");
        Ingested in = Ingested.of(file, CsvOptions.defaults().withSampleRows(3));
        assertEquals(List.of(ColumnKind.NUMERIC, ColumnKind.NUMERIC), in.header().kinds());
        assertTrue(Double.isNaN(in.get(0, 0)));
        assertEquals(4.5, in.get(3, 0));
    }

    @Test
    void textInsideTheSampleMakesTheColumnCategoricalEvenAtItsLastRow() throws Exception {
        Path file = Ingested.write(dir, "edge.csv", "v\n1\n2\nx\n3\n");
        Ingested in = Ingested.of(file, CsvOptions.defaults().withSampleRows(3));
        assertEquals(ColumnKind.CATEGORICAL, in.header().kinds().get(0));
        assertEquals(List.of("1", "2", "x", "3"), in.header().levels().get(0));
    }
}
