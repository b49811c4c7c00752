package io.gridlearn.pass;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelJson;
import io.gridlearn.stats.DatasetStatistics;
import io.gridlearn.stats.ExactSum;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The passes over the data that {@code describe} and the linear fits issue, counted by a {@link PassRunner}
 * wrapper, so that a change adding a pass fails here (issue 16: every pass over 1,000,000 × 50 costs about a Gram
 * pass). The counts are what the code does today, each with what the pass is for:
 * <ul>
 *   <li>{@code describe}: 1 (count, missing, min, max and exact moments per column, one aggregator);</li>
 *   <li>{@code fit linear --solver cholesky}: 2 (the moments of [x, y]; the metrics pass, whose mae needs the
 *       fitted coefficients: mse, rmse and r² alone could come from the moments, see the report of issue 16);</li>
 *   <li>{@code fit linear} (default {@code qr}): 3 (moments and per-block R factors; one refinement pass; the
 *       metrics pass).</li>
 * </ul>
 * Each result is also checked equal to the uncounted run's, so the wrapper changes nothing but the count.
 */
class PassCountTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** Counts every kind of pass and records its kind. */
    static final class CountingPassRunner implements PassRunner {
        private final PassRunner inner;
        final List<String> passes = new ArrayList<>();

        CountingPassRunner(PassRunner inner) {
            this.inner = inner;
        }

        @Override
        public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
            A a = inner.aggregate(fresh);
            passes.add(a.getClass().getSimpleName());
            return a;
        }

        @Override
        public double[] sum(BlockKernel kernel) {
            passes.add(kernel.getClass().getSimpleName());
            return inner.sum(kernel);
        }

        @Override
        public ExactSum[] exactSum(BlockKernel kernel) {
            passes.add(kernel.getClass().getSimpleName());
            return inner.exactSum(kernel);
        }

        @Override
        public SortedMap<Long, double[]> sample(BlockSampler sampler) {
            passes.add(sampler.getClass().getSimpleName());
            return inner.sample(sampler);
        }

        @Override
        public long rows() {
            return inner.rows();
        }
    }

    @Test
    void describeAndLinearFitsIssueTheirPassesAndNoMore() {
        for (int members = 1; members <= 2; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            DatasetSchema schema = TestData.load(catalog, "boston.csv", "boston", 64);
            GridPassRunner runner = new GridPassRunner(catalog, schema);

            CountingPassRunner describe = new CountingPassRunner(runner);
            assertEquals(DatasetStatistics.describe(catalog, "boston"), DatasetStatistics.describe(describe, schema));
            assertEquals(List.of("ColumnStatsAggregator"), describe.passes, "describe");

            LinearJob cholesky = new LinearJob("boston", null, null, LinearOptions.ols().withSolver("cholesky"));
            CountingPassRunner chol = new CountingPassRunner(runner);
            assertEquals(fitted(LinearTrainer.train(runner, schema, cholesky)),
                    fitted(LinearTrainer.train(chol, schema, cholesky)));
            assertEquals(List.of("LinearPassAggregator", "RegressionMetricsAggregator"), chol.passes, "cholesky fit");

            LinearJob qr = new LinearJob("boston", null, null, LinearOptions.ols());
            CountingPassRunner q = new CountingPassRunner(runner);
            LinearTrainer.train(q, schema, qr);
            assertEquals(List.of("LinearPassAggregator", "RefinementKernel", "RegressionMetricsAggregator"), q.passes,
                    "qr fit");
            factory.terminateAll();
        }
    }

    /** The model without its creation time. */
    private static String fitted(io.gridlearn.model.ModelDocument m) {
        return ModelJson.write(m).replaceAll("\"createdAt\"\\s*:\\s*\"[^\"]*\"", "");
    }
}
