package io.gridlearn.logistic;

/**
 * Maps parameters between the working scale {@code z_j = (x_j - c_j)/s_j} and the original feature scale:
 * {@code b_j = θ_j / s_j}, {@code b0 = θ0 - Σ_j c_j b_j}. One row of {@code q = p + 1} per class.
 */
final class Scale {
    private Scale() {
    }

    static double[] toOriginal(double[] theta, int q, double[] center, double[] scale) {
        double[] out = new double[theta.length];
        for (int base = 0; base < theta.length; base += q) {
            double b0 = theta[base];
            for (int j = 1; j < q; j++) {
                double b = scale == null ? theta[base + j] : theta[base + j] / scale[j - 1];
                out[base + j] = b;
                if (center != null) {
                    b0 -= center[j - 1] * b;
                }
            }
            out[base] = b0;
        }
        return out;
    }

    static double[] toWorking(double[] original, int q, double[] center, double[] scale) {
        double[] out = new double[original.length];
        for (int base = 0; base < original.length; base += q) {
            double t0 = original[base];
            for (int j = 1; j < q; j++) {
                double b = original[base + j];
                out[base + j] = scale == null ? b : b * scale[j - 1];
                if (center != null) {
                    t0 += center[j - 1] * b;
                }
            }
            out[base] = t0;
        }
        return out;
    }
}
