package io.gridlearn.stats;

/**
 * Minimal double-double arithmetic ({@code hi + lo}, about 106 bits), after Dekker (1971) and the QD
 * library of Hida, Li and Bailey (2001). Used where a recurrence amplifies rounding errors. Exact
 * products come from {@link Math#fma}, which Java specifies exactly, so results are reproducible.
 */
record Dd(double hi, double lo) {
    static final Dd ONE = new Dd(1.0, 0.0);

    static Dd of(double v) {
        return new Dd(v, 0.0);
    }

    /** Exact {@code a + b}. */
    static Dd sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new Dd(s, (a - (s - bb)) + (b - bb));
    }

    private static Dd quick(double s, double e) {
        double hi = s + e;
        return new Dd(hi, e - (hi - s));
    }

    Dd add(Dd o) {
        double s = hi + o.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (o.hi - bb);
        double t = lo + o.lo;
        double bt = t - lo;
        double f = (lo - (t - bt)) + (o.lo - bt);
        e += t;
        Dd r = quick(s, e);
        return quick(r.hi, r.lo + f);
    }

    Dd mul(Dd o) {
        double p = hi * o.hi;
        double e = Math.fma(hi, o.hi, -p) + (hi * o.lo + lo * o.hi);
        return quick(p, e);
    }

    Dd div(Dd o) {
        double q1 = hi / o.hi;
        Dd r = add(o.mul(of(-q1)));
        double q2 = r.hi / o.hi;
        r = r.add(o.mul(of(-q2)));
        double q3 = r.hi / o.hi;
        return quick(q1, q2).add(of(q3));
    }

    double value() {
        return hi + lo;
    }
}
