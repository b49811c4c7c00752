package io.gridlearn.kmeans;

import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.stats.ExactSum;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Where a k-means‖ fit's time goes, pass by pass, on one thread in this JVM (the local runner): run explicitly,
 * {@code -Dtest=KMeansCostProbe -Dprobe.rows=1000000}; not part of the suite (the name does not end in Test).
 * Prints each pass's kind and seconds, the driver's time between passes, for several fits in a row (the first on a
 * cold JIT).
 */
class KMeansCostProbe {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Times every pass a runner is asked for. */
    private static final class TimingRunner implements PassRunner {
        private final PassRunner inner;
        final List<String> log = new ArrayList<>();
        long lastEnd = System.nanoTime();

        TimingRunner(PassRunner inner) {
            this.inner = inner;
        }

        private <T> T timed(String what, Supplier<T> pass) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            double between = (t0 - lastEnd) / 1e9;
            T out = pass.get();
            lastEnd = System.nanoTime();
            log.add(String.format(Locale.ROOT, "%s %.3f s, cpu %.3f s (driver before it %.3f)", what,
                    (lastEnd - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - c0) / 1e9, between));
            return out;
        }

        @Override
        public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
            return timed("aggregate", () -> inner.aggregate(fresh));
        }

        @Override
        public double[] sum(BlockKernel kernel) {
            String name = kernel.getClass().getSimpleName() + "(width " + kernel.width() + ")";
            return timed(name, () -> inner.sum(kernel));
        }

        @Override
        public ExactSum[] exactSum(BlockKernel kernel) {
            return timed("exactSum", () -> inner.exactSum(kernel));
        }

        @Override
        public SortedMap<Long, double[]> sample(BlockSampler sampler) {
            return timed(sampler.getClass().getSimpleName(), () -> inner.sample(sampler));
        }

        @Override
        public long rows() {
            return inner.rows();
        }
    }

    @Test
    void probe() {
        int n = Integer.getInteger("probe.rows", 200_000);
        int fits = Integer.getInteger("probe.fits", 4);
        int seed0 = Integer.getInteger("probe.seed", 1);
        SeparatedClusters data = new SeparatedClusters(8, n, 50, 44);
        PassRunner base = data.runner(4096);
        double optimum = data.optimum();
        for (int f = 0; f < fits; f++) {
            TimingRunner runner = new TimingRunner(base);
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            runner.lastEnd = t0;
            ModelDocument m = KMeansTrainer.fit(runner, data.featureColumns(), data.names(),
                    new KMeansOptions(8, 300, 0, "kmeans-parallel", seed0 + f), IterationListener.NONE, null);
            double total = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            double excess = (m.metrics().get("train").get("inertia") - optimum) / optimum;
            System.out.printf(Locale.ROOT, "fit %d (seed %d): %.3f s, cpu %.3f s, %d passes, inertia/optimum - 1 = %.1e, "
                    + "iterations %s%n", f, seed0 + f, total, cpu, runner.log.size(), excess, m.summary().get("iteration"));
            for (String line : runner.log) {
                System.out.println("  " + line);
            }
        }
    }
}
