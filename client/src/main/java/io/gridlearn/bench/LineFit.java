package io.gridlearn.bench;

/**
 * The least-squares line y = a + b·x through points (x, y), with its coefficient of determination R² = 1 −
 * Σ(y − a − b·x)² / Σ(y − ȳ)² (1 when every y is the same). The scaling suite fits time = a + b·n with it.
 */
record LineFit(double a, double b, double r2) {
    /** The fit through at least two points with distinct x; {@code x} and {@code y} have the same length. */
    static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a line needs at least two points, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a line needs two distinct x values");
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - a - b * x[i];
            sse += e * e;
        }
        return new LineFit(a, b, syy > 0 ? 1 - sse / syy : 1);
    }
}
