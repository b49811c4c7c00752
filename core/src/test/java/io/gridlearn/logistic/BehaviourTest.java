package io.gridlearn.logistic;

import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BehaviourTest {
    private static final List<String> MEAN10 = OracleTest.features(
            TestData.oracle("breast_cancer", "logistic_unpenalized_mean10"));
    private static final List<String> ALL30 = OracleTest.features(
            TestData.oracle("breast_cancer", "logistic_l2_C1_all30"));

    private static TestData bc(int blockSize) {
        return TestData.load("breast_cancer.csv", blockSize);
    }

    private static double[] params(ModelDocument m) {
        if (m.coefficients() != null) {
            double[] out = new double[m.coefficients().length + 1];
            out[0] = m.intercept();
            System.arraycopy(m.coefficients(), 0, out, 1, m.coefficients().length);
            return out;
        }
        List<Double> l = new ArrayList<>();
        for (int k = 0; k < m.intercepts().length; k++) {
            l.add(m.intercepts()[k]);
            for (double v : m.coefficientMatrix()[k]) {
                l.add(v);
            }
        }
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double l2Lambda(TestData d) {
        return 1.0 / d.rows(); // C = 1
    }

    @Test
    void lbfgsAgreesWithNewtonOnL2() {
        TestData d = bc(50);
        LogisticOptions o = LogisticOptions.defaults().withPenalty(l2Lambda(d), 0.0);
        ModelDocument newton = OracleTest.fitBinary(d, ALL30, o);
        ModelDocument lbfgs = OracleTest.fitBinary(d, ALL30, o.withSolver(LogisticOptions.LBFGS).withLimits(2000, 1e-10));
        double[] a = params(newton);
        double[] b = params(lbfgs);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-3, Math.abs(a[i])));
        }
        assertTrue(worst <= 1e-6, "lbfgs vs newton rel " + worst);
        System.out.printf("lbfgs vs newton: max rel %.2e after %s lbfgs iterations%n", worst,
                lbfgs.summary().get("iteration"));
    }

    /** Fits, stopping (listener throws) after iteration k, then resumes from that checkpoint (via JSON). */
    private static void assertResumeIdentical(TestData d, List<String> f, LogisticOptions o, boolean softmax, int k)
            throws Exception {
        List<ModelDocument> seen = new ArrayList<>();
        ModelDocument full = fit(d, f, o, softmax, seen::add, null);
        assertTrue(seen.size() > k, "needs more than " + k + " iterations, had " + seen.size());
        assertEquals(Boolean.TRUE, seen.get(seen.size() - 1).summary().get("converged"));
        assertEquals(Boolean.FALSE, seen.get(0).summary().get("converged"));
        ModelDocument[] stopped = new ModelDocument[1];
        assertThrows(IllegalStateException.class, () -> fit(d, f, o, softmax, c -> {
            if ((Integer) c.summary().get("iteration") == k) {
                stopped[0] = c;
                throw new IllegalStateException("stop");
            }
        }, null));
        String json = Json.mapper().writeValueAsString(stopped[0]);
        ModelDocument back = Json.mapper().readValue(json, ModelDocument.class);
        ModelDocument resumed = fit(d, f, o, softmax, IterationListener.NONE, back);
        assertArrayEquals(params(full), params(resumed)); // assertArrayEquals on double[] compares bits
        assertEquals(full.summary().get("iteration"), resumed.summary().get("iteration"));
        assertEquals(full.standardErrors() == null, resumed.standardErrors() == null);
        if (full.standardErrors() != null) {
            assertArrayEquals(full.standardErrors(), resumed.standardErrors());
        }
    }

    private static ModelDocument fit(TestData d, List<String> f, LogisticOptions o, boolean softmax,
                                     IterationListener l, ModelDocument resume) {
        return softmax
                ? SoftmaxTrainer.fit(d.runner(), d.cols(f), d.col("target"), f, "target", o, l, resume)
                : LogisticTrainer.fit(d.runner(), d.cols(f), d.col("target"), f, "target", o, l, resume);
    }

    @Test
    void resumeFromCheckpointGivesIdenticalBits() throws Exception {
        TestData d = bc(50);
        assertResumeIdentical(d, MEAN10, LogisticOptions.defaults(), false, 3);
        LogisticOptions l2 = LogisticOptions.defaults().withPenalty(l2Lambda(d), 0.0);
        assertResumeIdentical(d, ALL30, l2.withSolver(LogisticOptions.LBFGS).withLimits(2000, 1e-10), false, 20);
        assertResumeIdentical(d, ALL30, l2.withPenalty(0.02, 0.7), false, 2);
        TestData iris = TestData.load("iris.csv", 50);
        List<String> f = OracleTest.features(TestData.oracle("iris", "multinomial_logistic_C1"));
        assertResumeIdentical(iris, f, LogisticOptions.defaults().withPenalty(1.0 / 150, 0), true, 3);
    }

    @Test
    void blockSizeDoesNotMatter() {
        TestData d50 = bc(50);
        TestData d7 = d50.reblocked(7);
        for (LogisticOptions o : List.of(LogisticOptions.defaults().withPenalty(l2Lambda(d50), 0.0),
                LogisticOptions.defaults().withPenalty(0.02, 0.7))) {
            double[] a = params(OracleTest.fitBinary(d50, ALL30, o));
            double[] b = params(OracleTest.fitBinary(d7, ALL30, o));
            assertClose(a, b, 1e-12);
        }
        double[] a = params(OracleTest.fitBinary(d50, MEAN10, LogisticOptions.defaults()));
        double[] b = params(OracleTest.fitBinary(d7, MEAN10, LogisticOptions.defaults()));
        assertClose(a, b, 1e-12);
    }

    private static void assertClose(double[] a, double[] b, double rel) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(a[i])));
        }
        System.out.printf("block 50 vs 7: max rel %.2e%n", worst);
        assertTrue(worst <= rel, "max rel " + worst);
    }

    @Test
    void elasticNetSatisfiesKktAndLargeLambdaGivesZero() {
        TestData d = bc(50);
        TestData z = d.standardized(d.cols(ALL30));
        double lambda = 0.02;
        double alpha = 0.7;
        ModelDocument m = OracleTest.fitBinary(z, ALL30, OracleTest.raw(0).withPenalty(lambda, alpha));
        // gradient of the mean log-loss at the fit, computed here row by row
        double[] theta = params(m);
        double[] g = new double[theta.length];
        int[] c = z.cols(ALL30);
        int t = z.col("target");
        for (RowBlock b : z.blocks) {
            for (int r = 0; r < b.rows(); r++) {
                double eta = theta[0];
                for (int j = 0; j < c.length; j++) {
                    eta += theta[j + 1] * b.get(r, c[j]);
                }
                double resid = 1 / (1 + Math.exp(-eta)) - b.get(r, t);
                g[0] += resid / z.rows();
                for (int j = 0; j < c.length; j++) {
                    g[j + 1] += resid * b.get(r, c[j]) / z.rows();
                }
            }
        }
        assertTrue(Math.abs(g[0]) < 1e-9, "intercept gradient " + g[0]);
        int zeros = 0;
        for (int j = 1; j < theta.length; j++) {
            double gj = g[j] + lambda * (1 - alpha) * theta[j];
            if (theta[j] == 0) {
                zeros++;
                assertTrue(Math.abs(gj) <= lambda * alpha + 1e-9, "KKT at zero " + j);
            } else {
                assertEquals(0.0, gj + lambda * alpha * Math.signum(theta[j]), 1e-9, "KKT " + j);
            }
        }
        assertTrue(zeros > 0, "the lasso part should zero some coefficients");
        ModelDocument big = OracleTest.fitBinary(z, ALL30, OracleTest.raw(0).withPenalty(10.0, 1.0));
        for (double v : big.coefficients()) {
            assertEquals(0.0, v);
        }
    }

    @Test
    void aucFromHistogramMatchesExactAuc() {
        TestData d = bc(50);
        ModelDocument m = OracleTest.fitBinary(d, MEAN10, LogisticOptions.defaults().withPenalty(0.01, 0));
        int[] c = d.cols(MEAN10);
        int t = d.col("target");
        List<double[]> scores = new ArrayList<>();
        for (RowBlock b : d.blocks) {
            for (int r = 0; r < b.rows(); r++) {
                double eta = m.intercept();
                for (int j = 0; j < c.length; j++) {
                    eta += m.coefficients()[j] * b.get(r, c[j]);
                }
                scores.add(new double[] {eta, b.get(r, t)});
            }
        }
        double num = 0;
        double pos = 0;
        double neg = 0;
        for (double[] p : scores) {
            if (p[1] == 1) {
                pos++;
                for (double[] q : scores) {
                    if (q[1] == 0) {
                        num += p[0] > q[0] ? 1 : p[0] == q[0] ? 0.5 : 0;
                    }
                }
            } else {
                neg++;
            }
        }
        double exact = num / (pos * neg);
        double auc = m.metrics().get("train").get("auc");
        System.out.printf("AUC histogram %.12f exact %.12f%n", auc, exact);
        assertEquals(exact, auc, 1e-4);
        @SuppressWarnings("unchecked")
        List<List<Long>> cm = (List<List<Long>>) m.summary().get("confusionMatrix");
        assertEquals(d.rows(), cm.get(0).get(0) + cm.get(0).get(1) + cm.get(1).get(0) + cm.get(1).get(1));
        assertEquals(m.metrics().get("train").get("accuracy"), (cm.get(0).get(0) + cm.get(1).get(1)) / (double) d.rows(),
                1e-15);
    }

    @Test
    void badRowsAreRefusedWithCounts() {
        TestData d = bc(50);
        RowBlock b0 = d.blocks.get(0);
        int t = d.col("target");
        double[] v = b0.values().clone();
        v[t * b0.rows() + 3] = 2.0;
        v[t * b0.rows() + 5] = 0.5;
        List<RowBlock> blocks = new ArrayList<>(d.blocks);
        blocks.set(0, new RowBlock(0, b0.rows(), b0.cols(), v));
        LocalPassRunner r = new LocalPassRunner(blocks, 50);
        int[] c = d.cols(MEAN10);
        BadInputException e = assertThrows(BadInputException.class, () -> LogisticTrainer.fit(r, c, t, MEAN10,
                "target", LogisticOptions.defaults(), null, null));
        assertTrue(e.getMessage().contains("2 row(s)") && e.getMessage().contains("value 2.0")
                && e.getMessage().contains("row 3"), e.getMessage());
        v[t * b0.rows() + 3] = 0;
        v[t * b0.rows() + 5] = 1;
        v[c[2] * b0.rows() + 7] = Double.NaN;
        e = assertThrows(BadInputException.class, () -> LogisticTrainer.fit(r, c, t, MEAN10, "target",
                LogisticOptions.defaults(), null, null));
        assertTrue(e.getMessage().startsWith("1 row(s) have a missing or non-finite value"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(BadInputException.class, () -> LogisticOptions.defaults().withPenalty(-1, 0));
        assertThrows(BadInputException.class, () -> LogisticOptions.defaults().withPenalty(1, 1.5));
        assertThrows(BadInputException.class, () -> LogisticOptions.defaults().withSolver("sgd"));
        assertThrows(BadInputException.class,
                () -> LogisticOptions.defaults().withSolver(LogisticOptions.LBFGS).withPenalty(1, 0.5));
        assertThrows(BadInputException.class, () -> LogisticOptions.defaults().withLimits(0, 1e-8));
        assertThrows(BadInputException.class, () -> LogisticOptions.defaults().withLimits(10, 0));
    }

    @Test
    void kernelsRoundTripThroughHazelcastSerialization() {
        // no factory registered: LogisticSerializerHook is found through META-INF/services
        InternalSerializationService ss = new DefaultSerializationServiceBuilder().build();
        TestData d = bc(50);
        int[] c = d.cols(MEAN10);
        int t = d.col("target");
        double[] center = new double[c.length];
        double[] scale = new double[c.length];
        Arrays.fill(center, 1.5);
        Arrays.fill(scale, 2.5);
        double[] theta = new double[c.length + 1];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.01 * (i - 5);
        }
        double[] theta3 = new double[3 * (c.length + 1)];
        for (int i = 0; i < theta3.length; i++) {
            theta3[i] = 0.003 * (i - 7);
        }
        List<BlockKernel> kernels = List.of(new PrepKernel(c, t, 2, center), new PrepKernel(c, t, 2, null),
                new BinaryKernel(c, t, center, scale, theta, true), new BinaryKernel(c, t, null, null, theta, false),
                new SoftmaxKernel(c, t, 3, center, scale, theta3, true), new MetricsKernel(c, t, 2, null, scale, theta),
                new MetricsKernel(c, t, 3, center, null, theta3));
        for (BlockKernel k : kernels) {
            BlockKernel copy = ss.toObject(ss.toData(k));
            assertEquals(k.getClass(), copy.getClass());
            assertEquals(k.getClassId(), copy.getClassId());
            assertArrayEquals(d.runner().sum(k), d.runner().sum(copy));
        }
        BadTargetSampler s = new BadTargetSampler(c, t, 2);
        BadTargetSampler copy = ss.toObject(ss.toData(s));
        assertEquals(LogisticSerializerHook.BAD_TARGET_SAMPLER, copy.getClassId());
        assertTrue(d.runner().sample(copy).isEmpty());
        assertFalse(d.runner().sample(new BadTargetSampler(c, t, 1)).isEmpty());
    }
}
