package io.gridlearn.data.csv;

import java.nio.charset.StandardCharsets;

/**
 * Number and missing-value recognition on raw bytes.
 *
 * <p>Parsing is the hot loop of ingest, so it works on the bytes in place and allocates nothing on the
 * common path. Results must be bit-identical to {@link Double#parseDouble} because test oracles and models
 * trained elsewhere compare exact values. The fast path is Clinger's: when the significant digits fit
 * exactly in a double (below 2^53) and the power of ten is itself exact (at most 10^22), the one
 * multiplication or division is correctly rounded by IEEE 754, so it equals the correctly rounded decimal.
 * Everything else goes to {@code Double.parseDouble}, which is slow but right.
 *
 * <p>The accepted grammar is narrower than Java's: {@code [+-]? (digits [. digits?] | . digits)
 * ([eE] [+-]? digits)?} or a signed {@code Infinity}/{@code Inf}/{@code inf}, with blanks around.
 * Java suffixes ({@code 1d}, {@code 2f}) and hex floats are text in a CSV, not numbers.
 */
public final class CsvNumbers {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long[] LONG_POW10 = {
        1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L,
        10000000000L, 100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L
    };
    private static final long EXACT_LIMIT = 1L << 53;
    /** 18 decimal digits always fit in a long; more cannot be exact in a double anyway. */
    private static final int MAX_DIGITS = 18;
    /** Exponents beyond this are left to the slow path, which knows how to saturate them. */
    private static final int EXPONENT_CAP = 100_000;

    private CsvNumbers() {
    }

    /**
     * The number in {@code b[from, to)}, blanks around allowed, or {@code NaN} if the text is not a number
     * (a number never parses to NaN, since the text "NaN" is a missing-value marker, not a number).
     *
     * @param b the bytes
     * @param from the first byte of the field
     * @param to the end of the field, exclusive
     * @return the value, bit-identical to {@link Double#parseDouble} of the same text, or NaN
     */
    public static double parse(byte[] b, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && isBlank(b[s])) {
            s++;
        }
        while (e > s && isBlank(b[e - 1])) {
            e--;
        }
        if (s == e) {
            return Double.NaN;
        }
        int i = s;
        boolean negative = false;
        byte c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i == e) {
                return Double.NaN;
            }
            c = b[i];
        }
        if (c == 'I' || c == 'i') {
            return infinity(b, i, e, negative);
        }
        long m = 0;
        int digits = 0;
        int seen = 0;
        int decimalExponent = 0;
        boolean exact = true;
        while (i < e) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            seen++;
            if (m != 0 || d != 0) {
                if (digits < MAX_DIGITS) {
                    m = m * 10 + d;
                    digits++;
                } else {
                    exact = false;
                }
            }
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                seen++;
                if (m != 0 || d != 0) {
                    if (digits < MAX_DIGITS) {
                        m = m * 10 + d;
                        digits++;
                    } else {
                        exact = false;
                    }
                }
                decimalExponent--;
                i++;
            }
        }
        if (seen == 0) {
            return Double.NaN;
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            if (++i == e) {
                return Double.NaN;
            }
            boolean negativeExponent = false;
            if (b[i] == '-' || b[i] == '+') {
                negativeExponent = b[i] == '-';
                i++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                exponentDigits++;
                if (exponent < EXPONENT_CAP) {
                    exponent = exponent * 10 + d;
                } else {
                    exact = false;
                }
                i++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            decimalExponent += negativeExponent ? -exponent : exponent;
        }
        if (i != e) {
            return Double.NaN;
        }
        if (exact) {
            double v = fast(m, decimalExponent);
            if (!Double.isNaN(v)) {
                return negative ? -v : v;
            }
        }
        return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
    }

    /** {@code m × 10^p} when that can be computed exactly-then-rounded-once, else NaN. */
    static double fast(long m, int p) {
        if (m == 0) {
            return 0.0;
        }
        if (m >= EXACT_LIMIT) {
            return Double.NaN;
        }
        if (p >= 0 && p <= 22) {
            return m * POW10[p];
        }
        if (p < 0 && p >= -22) {
            return m / POW10[-p];
        }
        // Clinger's extension: a short mantissa can absorb part of a larger exponent exactly.
        if (p > 22 && p - 22 < LONG_POW10.length) {
            long scale = LONG_POW10[p - 22];
            if (m <= (EXACT_LIMIT - 1) / scale) {
                return (m * scale) * POW10[22];
            }
        }
        return Double.NaN;
    }

    private static double infinity(byte[] b, int i, int e, boolean negative) {
        int n = e - i;
        boolean match = n == 8 ? matches(b, i, "Infinity") : n == 3 && (matches(b, i, "inf") || matches(b, i, "Inf"));
        if (!match) {
            return Double.NaN;
        }
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static boolean matches(byte[] b, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code b[from, to)} marks a missing value: empty, {@code NA}, {@code NaN} or {@code nan}, blanks
     * around allowed. {@code NA} is case-sensitive because "na" is a real word in categorical data (e.g. a
     * country code), while the NaN spellings are what numeric tools write.
     *
     * @param b the bytes
     * @param from the first byte of the field
     * @param to the end of the field, exclusive
     * @return whether the field is a missing value
     */
    public static boolean isMissing(byte[] b, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && isBlank(b[s])) {
            s++;
        }
        while (e > s && isBlank(b[e - 1])) {
            e--;
        }
        switch (e - s) {
            case 0:
                return true;
            case 2:
                return b[s] == 'N' && b[s + 1] == 'A';
            case 3:
                return b[s + 1] == 'a' && (b[s] == 'N' && b[s + 2] == 'N' || b[s] == 'n' && b[s + 2] == 'n');
            default:
                return false;
        }
    }

    /**
     * {@link #parse(byte[], int, int)} of a string's UTF-8 bytes: a convenience for tests and callers holding
     * text; not for hot paths.
     *
     * @param text the field's text
     * @return the value, or NaN if the text is not a number
     */
    public static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }
}
