package io.gridlearn.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescribeTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void matchesOracleColumnStatsOnEveryDatasetAndClusterSize() {
        for (String ds : List.of("boston", "diabetes", "breast_cancer", "iris")) {
            JsonNode oracle = Oracles.dataset(ds).path("column_stats");
            DatasetStatistics.Description previous = null;
            for (int members = 1; members <= 3; members++) {
                HazelcastInstance[] grid = TestGrids.start(factory, members);
                DatasetCatalog catalog = new DatasetCatalog(grid[0]);
                TestData.load(catalog, ds + ".csv", ds, 37);
                DatasetStatistics.Description d = DatasetStatistics.describe(catalog, ds);
                assertEquals(oracle.path("n").asLong(), d.rows());
                for (int c = 0; c < d.columns().size(); c++) {
                    ColumnSummary s = d.columns().get(c);
                    assertEquals(oracle.path("columns").get(c).asText(), s.name());
                    assertEquals(d.rows(), s.count());
                    assertEquals(0, s.missing());
                    assertTrue(relErr(s.mean(), oracle.path("mean").get(c).asDouble()) < 1e-10, ds + " mean " + s.name());
                    assertTrue(relErr(s.variance(), oracle.path("var_sample").get(c).asDouble()) < 1e-10, ds + " var " + s.name());
                    assertEquals(oracle.path("min").get(c).asDouble(), s.min(), 0.0);
                    assertEquals(oracle.path("max").get(c).asDouble(), s.max(), 0.0);
                }
                if (previous != null) {
                    assertEquals(previous, d, ds + ": statistics must be bit-identical on " + members + " members");
                }
                previous = d;
                factory.terminateAll();
            }
        }
    }

    @Test
    void varianceStaysAccurateWhereTheNaiveFormulaFails() {
        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        Random rnd = new Random(11);
        int n = 100_000;
        int blockSize = 1000;
        double[] all = new double[n];
        BlockWriter w = catalog.newWriter("shifted", blockSize);
        for (int b = 0; b < n / blockSize; b++) {
            double[] v = new double[blockSize];
            for (int r = 0; r < blockSize; r++) {
                v[r] = 1e9 + rnd.nextGaussian() * 1e-3;
                all[b * blockSize + r] = v[r];
            }
            w.write(new RowBlock(b, blockSize, 1, v));
        }
        w.publish(List.of(new ColumnSpec("x", ColumnKind.NUMERIC, List.of())), "generated");

        // reference: exact rational variance of the same doubles
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal s2 = BigDecimal.ZERO;
        double naiveS = 0;
        double naiveS2 = 0;
        for (double x : all) {
            BigDecimal bx = new BigDecimal(x);
            s = s.add(bx);
            s2 = s2.add(bx.multiply(bx));
            naiveS += x;
            naiveS2 += x * x;
        }
        BigDecimal bn = BigDecimal.valueOf(n);
        double exact = bn.multiply(s2).subtract(s.multiply(s))
                .divide(bn.multiply(BigDecimal.valueOf(n - 1)), MathContext.DECIMAL128).doubleValue();
        double naive = (naiveS2 - naiveS * naiveS / n) / (n - 1);

        ColumnSummary x = DatasetStatistics.describe(catalog, "shifted").columns().get(0);
        // README: "right to 1e-15" for this column (mean 1e9, sd 1e-3)
        double err = relErr(x.variance(), exact);
        System.out.printf("describe: variance of the mean-1e9 / sd-1e-3 column, rel. error %.3e%n", err);
        assertTrue(err <= 1e-15, "variance " + x.variance() + " vs " + exact + ": rel. error " + err);
        assertTrue(relErr(naive, exact) > 1, "the naive formula should fail here (it gave " + naive + ")");
        assertTrue(relErr(x.mean(), s.divide(bn, MathContext.DECIMAL128).doubleValue()) < 1e-15);
    }
}
