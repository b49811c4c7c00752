package io.gridlearn.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reference values computed on this machine with mpmath 1.3.0 at 50-60 significant digits (scipy 1.17.1
 * agrees with all of them to 1e-12 relative except F(1.2; 50, 60000), where scipy is 1e-12 off):
 * <pre>
 * python3 -c "
 * import mpmath as mp; mp.mp.dps = 50
 * ib = lambda x, a, b: mp.betainc(a, b, 0, x, regularized=True)
 * def t2(t, df): t = mp.mpf(t); df = mp.mpf(df); return ib(df/(df+t*t), df/2, mp.mpf(1)/2)   # P(|T| > |t|)
 * def fsf(f, d1, d2): f, d1, d2 = map(mp.mpf, (f, d1, d2)); return ib(d2/(d2+d1*f), d2/2, d1/2)  # P(F > f)
 * print(mp.nstr(t2('2.0', 10), 17))           # ... and likewise for every row below; t cdf = t2/2 or 1 - t2/2
 * print(mp.nstr(fsf('1.2', 50, 60000), 17))
 * print(mp.nstr(mp.loggamma(mp.mpf('3.7')), 17))"
 * </pre>
 * The incomplete-beta rows use the same call, except (0.41; 1e4, 1.5e4), where mpmath's hypergeometric sum
 * does not converge: that value is Numerical Recipes' continued fraction run in mpmath at 60 digits to a
 * 1e-55 stopping tolerance (and matches scipy's betainc to 1e-15).
 */
class DistributionTest {
    private static void close(double expected, double actual, double rel) {
        double err = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(err <= rel, "expected " + expected + ", got " + actual + ", rel. error " + err);
    }

    @ParameterizedTest
    @CsvSource({
        "2.0, 10, 0.073388034770740366",
        "0.5, 3, 0.65144796484815099",
        "1.96, 1000, 0.050273184955748714",
        "-3.5, 2.5, 0.052345546960320337",
        "10.3471458001, 492, 7.7769117744249727e-23",
        "0.01, 5, 0.9924080180425819",
        "40.0, 4, 2.3340163226012686e-6",
        "3.0, 1, 0.20483276469913345",
        "0.7, 100000, 0.48392893284732213",
        "6.0, 1e7, 1.9732427333677835e-9",
        "3.0, 1e9, 0.0026997961297379157",
        "8.0, 1e9, 1.2441934284454763e-15",
    })
    void studentTwoSided(double t, double df, double p) {
        close(p, new StudentT(df).twoSidedP(t), 1e-12);
        close(p, new StudentT(df).twoSidedP(-t), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"-1.5, 7, 0.088649243494985017", "2.2, 30, 0.98217578000158211", "0.3, 1, 0.59277357907774234"})
    void studentCdf(double t, double df, double cdf) {
        StudentT d = new StudentT(df);
        close(cdf, d.cdf(t), 1e-12);
        close(1 - cdf, d.sf(t), 1e-11); // 1 - cdf loses up to ~1e-15 absolute
    }

    @ParameterizedTest
    @CsvSource({
        "108.076666174, 13, 492, 6.722174753781941e-135, 1.0",
        "2.5, 3, 20, 0.088843751937689212, 0.91115624806231079",
        "0.5, 5, 10, 0.77002488065010163, 0.22997511934989837",
        "1.0, 1, 1, 0.5, 0.5",
        "4.0, 2.5, 7.5, 0.059967871778762784, 0.94003212822123722",
        "1.2, 50, 60000, 0.1573697630680485, 0.8426302369319515",
        "1.5, 13, 1e9, 0.10839813131797573, 0.89160186868202427",
    })
    void fDistribution(double f, double d1, double d2, double sf, double cdf) {
        FDistribution d = new FDistribution(d1, d2);
        close(sf, d.sf(f), 1e-12);
        close(cdf, d.cdf(f), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({
        "0.3, 2, 5, 0.579825, 0.420175",
        "0.9, 0.5, 0.5, 0.79516723530086655, 0.20483276469913345",
        "0.45, 200, 300, 0.98814634562026287, 0.011853654379737134",
        "0.41, 1e4, 1.5e4, 0.99935843151582632, 0.00064156848417367613",
        "0.001, 0.5, 3000, 0.98571439321628388, 0.014285606783716116",
    })
    void incompleteBeta(double x, double a, double b, double i, double complement) {
        close(i, Beta.regularized(x, a, b), 1e-12);
        close(complement, Beta.regularizedComplement(x, a, b), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.57236494292470009", "3.7, 1.4280723266653879", "12.0, 17.502307845873886",
        "100.25, 360.28455963776423", "1e6, 12815504.569147612"})
    void logGamma(double x, double expected) {
        close(expected, Gamma.logGamma(x), 1e-14);
    }

    @Test
    void edgeCases() {
        assertEquals(0.0, Gamma.logGamma(1.0), 1e-15); // log Gamma(1) = log 0! = 0
        assertEquals(0.0, new StudentT(5).twoSidedP(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(1.0, new StudentT(5).twoSidedP(0.0), 0.0);
        assertEquals(0.0, new FDistribution(3, 4).sf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(1.0, new FDistribution(3, 4).sf(0.0), 0.0);
        assertTrue(Double.isNaN(new StudentT(5).twoSidedP(Double.NaN)));
    }
}
