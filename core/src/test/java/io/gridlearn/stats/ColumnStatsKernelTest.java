package io.gridlearn.stats;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ColumnStatsAggregator}'s plain-loop kernel gives the same exact moments, bit for bit, as the kernel it
 * replaced: per block and column, the non-NaN values gathered and handed to a one-column
 * {@link ShiftedBlockMoments} (the reference below, the code {@code describe} ran before issue 16). Blocks of
 * every length mod 4, NaN, ±∞, −0.0, constant and all-NaN columns, values of mean 1e9 and spread 1e-3.
 */
class ColumnStatsKernelTest {
    /** The previous kernel: gather the non-NaN values, then {@link ShiftedBlockMoments} of one column. */
    private static void reference(List<RowBlock> blocks, MomentMatrix[] moments, long[] missing, double[] min,
                                  double[] max) {
        ShiftedBlockMoments kernel = new ShiftedBlockMoments(1);
        for (RowBlock b : blocks) {
            int[] rows = new int[b.rows()];
            double[] v = b.values();
            for (int c = 0; c < b.cols(); c++) {
                int base = b.columnOffset(c);
                int m = 0;
                for (int r = 0; r < b.rows(); r++) {
                    double x = v[base + r];
                    if (Double.isNaN(x)) {
                        continue;
                    }
                    rows[m++] = base + r;
                    min[c] = Math.min(min[c], x);
                    max[c] = Math.max(max[c], x);
                }
                missing[c] += b.rows() - m;
                kernel.compute(v, 0, new int[] {0}, rows, m);
                kernel.addTo(moments[c], m);
            }
        }
    }

    @Test
    void sameBitsAsTheOneColumnShiftedKernel() {
        Random rnd = new Random(16);
        int cols = 9;
        for (int trial = 0; trial < 40; trial++) {
            List<RowBlock> blocks = new ArrayList<>();
            int nBlocks = 1 + rnd.nextInt(5);
            for (int b = 0; b < nBlocks; b++) {
                int n = 1 + rnd.nextInt(trial < 20 ? 13 : 5000);
                double[] v = new double[n * cols];
                for (int c = 0; c < cols; c++) {
                    for (int r = 0; r < n; r++) {
                        v[c * n + r] = value(c, rnd, trial);
                    }
                }
                blocks.add(new RowBlock(b, n, cols, v));
            }
            ColumnStatsAggregator agg = new ColumnStatsAggregator();
            for (RowBlock b : blocks) {
                agg.accumulate(new java.util.AbstractMap.SimpleImmutableEntry<>(b.blockId(), b));
            }
            MomentMatrix[] ref = new MomentMatrix[cols];
            long[] missing = new long[cols];
            double[] min = new double[cols];
            double[] max = new double[cols];
            for (int c = 0; c < cols; c++) {
                ref[c] = new MomentMatrix(1);
                min[c] = Double.POSITIVE_INFINITY;
                max[c] = Double.NEGATIVE_INFINITY;
            }
            reference(blocks, ref, missing, min, max);
            for (int col = 0; col < cols; col++) {
                final int c = col;
                String where = "trial " + trial + " column " + c;
                MomentMatrix got = agg.moments(c);
                assertEquals(ref[c].count(), got.count(), where);
                assertEquals(ref[c].isNonFinite(), got.isNonFinite(), where);
                assertEquals(exact(() -> ref[c].sumExact(0)), exact(() -> got.sumExact(0)), where + " Σx");
                assertEquals(exact(() -> ref[c].crossExact(0, 0)), exact(() -> got.crossExact(0, 0)), where + " Σx²");
                assertEquals(Double.doubleToLongBits(ref[c].raw(0, 0)), Double.doubleToLongBits(got.raw(0, 0)), where);
                if (got.count() > 0 && !Double.isFinite(got.raw(0, 0)) && !got.isNonFinite()) {
                    continue; // Σx² overflowed (column 8): summary() cannot centre it (it throws, before and after)
                }
                ColumnSummary s = agg.summary(c, "x");
                assertEquals(missing[c], s.missing(), where);
                if (s.count() > 0) {
                    assertEquals(Double.doubleToRawLongBits(min[c]), Double.doubleToRawLongBits(s.min()), where + " min");
                    assertEquals(Double.doubleToRawLongBits(max[c]), Double.doubleToRawLongBits(s.max()), where + " max");
                }
            }
        }
    }

    /** An exact sum as a decimal, or "non-finite" when it holds an infinity or NaN. */
    private static String exact(java.util.function.Supplier<java.math.BigDecimal> sum) {
        try {
            return sum.get().toString();
        } catch (ArithmeticException e) {
            return "non-finite";
        }
    }

    /** Column c's kind of values: plain, huge mean, NaN-sprinkled, ±∞, signed zeros, constant, all NaN, .... */
    private static double value(int c, Random rnd, int trial) {
        return switch (c) {
            case 0 -> rnd.nextGaussian();
            case 1 -> 1e9 + 1e-3 * rnd.nextGaussian();
            case 2 -> rnd.nextInt(7) == 0 ? Double.NaN : 100 * rnd.nextGaussian() - 3;
            case 3 -> rnd.nextInt(50) == 0 ? (rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)
                    : rnd.nextGaussian();
            case 4 -> rnd.nextBoolean() ? -0.0 : 0.0;
            case 5 -> 2.5;
            case 6 -> Double.NaN;
            case 7 -> trial % 3 == 0 && rnd.nextInt(100) == 0 ? Double.POSITIVE_INFINITY : Math.scalb(rnd.nextDouble(), rnd.nextInt(200) - 100);
            default -> rnd.nextInt(3) == 0 ? Double.NaN : 1e300 * rnd.nextGaussian();
        };
    }
}
