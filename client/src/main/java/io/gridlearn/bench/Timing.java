package io.gridlearn.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The timing of one job: the median wall time of {@link #REPEATS} runs after one warm-up run, the mean process
 * CPU time of those runs (the whole JVM, members included: it shows whether a job waited or worked), and the
 * warm-up run's wall time (JIT compilation and first-touch costs; reported, never compared).
 *
 * @param seconds      the median wall time of the timed runs, in seconds
 * @param cpuSeconds   the mean process CPU time per timed run, in seconds
 * @param firstSeconds the warm-up run's wall time, in seconds
 */
public record Timing(double seconds, double cpuSeconds, double firstSeconds) {
    /** A job to time; it may throw. */
    public interface Job {
        /**
         * Runs the job once.
         *
         * @throws Exception when the job fails
         */
        void run() throws Exception;
    }

    /** Runs measured after the warm-up run; the median is reported (odd, so the median is one run). */
    public static final int REPEATS = 3;

    /**
     * One warm-up run (reported as {@code firstSeconds}), then {@link #REPEATS} runs: the median wall time,
     * and the mean process CPU time per run (of the timed runs only). The median of several runs keeps a late
     * JIT compilation or a neighbour's build on a shared machine from deciding a figure; a full collection
     * before every run (not timed) keeps the garbage of the previous job, e.g. half a gigabyte of parsed CSV,
     * from being collected on this one's clock.
     *
     * @param job the job, run {@link #REPEATS} + 1 times
     * @return the median wall time, the mean CPU time and the warm-up time, in seconds
     * @throws Exception when a run of the job fails
     */
    public static Timing measure(Job job) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        job.run();
        double first = (System.nanoTime() - t0) / 1e9;
        double[] wall = new double[REPEATS];
        long cpu = 0;
        for (int i = 0; i < REPEATS; i++) {
            System.gc();
            long c0 = cpuNanos();
            t0 = System.nanoTime();
            job.run();
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu += cpuNanos() - c0;
        }
        Arrays.sort(wall);
        return new Timing(wall[REPEATS / 2], cpu / 1e9 / REPEATS, first);
    }

    /**
     * {@link #measure} for several jobs whose times are compared with each other: one warm-up run of each, then
     * {@link #REPEATS} rounds that run every job once, the order rotated each round (the first job of round i
     * is job i mod n), so that a neighbour slowing the machine for a while slows every side rather than one.
     *
     * @param jobs the jobs, each run {@link #REPEATS} + 1 times
     * @return one timing per job, in the order given
     * @throws Exception when a run of a job fails
     */
    public static Timing[] interleaved(Job... jobs) throws Exception {
        int n = jobs.length;
        double[] first = new double[n];
        for (int k = 0; k < n; k++) {
            System.gc();
            long t0 = System.nanoTime();
            jobs[k].run();
            first[k] = (System.nanoTime() - t0) / 1e9;
        }
        double[][] wall = new double[n][REPEATS];
        long[] cpu = new long[n];
        for (int i = 0; i < REPEATS; i++) {
            for (int s = 0; s < n; s++) {
                int k = (i + s) % n;
                System.gc();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                jobs[k].run();
                wall[k][i] = (System.nanoTime() - t0) / 1e9;
                cpu[k] += cpuNanos() - c0;
            }
        }
        Timing[] out = new Timing[n];
        for (int k = 0; k < n; k++) {
            Arrays.sort(wall[k]);
            out[k] = new Timing(wall[k][REPEATS / 2], cpu[k] / 1e9 / REPEATS, first[k]);
        }
        return out;
    }

    /**
     * CPU time of this process (every thread, members included), in nanoseconds.
     *
     * @return the CPU time, in nanoseconds
     */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Seconds since {@code t0} (a {@link System#nanoTime()} reading).
     *
     * @param t0 a {@link System#nanoTime()} reading
     * @return the seconds elapsed since then
     */
    public static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
