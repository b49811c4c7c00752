package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvNumbersTest {

    private static void assertSameAsJava(String text) {
        double expected = Double.parseDouble(text);
        double actual = CsvNumbers.parse(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> text + ": expected " + expected + " but parsed " + actual);
    }

    @Test
    void edgeCasesMatchParseDoubleBitForBit() {
        String[] cases = {
            "0", "-0", "0.0", "-0.0", "+0", "0.1", "0.2", "0.3", "1", "-1", "+1", ".5", "5.", "-.5", "+5.",
            "1e5", "1E5", "-2.5E-3", "2.5e+3", "1e22", "1e23", "1e-22", "1e-23", "9e22", "9e37", "9e38",
            "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994",
            "18014398509481985", "123456789012345678", "1234567890123456789", "12345678901234567890",
            "5e-324", "4.9e-324", "2e-324", "3e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "4.35679e-10", "0.000001", "1e-7",
            "00000000000000000000000000001.5", "0.000000000000000000000000000001", "1.00000000000000000000",
            "0e99999999999", "1e-99999999999", "0.0000000000000000000000000000000000000000000001e46",
            "-1.2345678", "3.141592653589793", "2.718281828459045235360287", "  7.25 ", "\t-3\t",
            "Infinity", "-Infinity", "+Infinity", "1e0", "1e-0", "1e+0", "123.456e-2", "1e015",
        };
        for (String text : cases) {
            assertSameAsJava(text);
        }
    }

    @Test
    void infinitiesIncludingShortSpellings() {
        assertEquals(Double.POSITIVE_INFINITY, CsvNumbers.parse("inf"));
        assertEquals(Double.POSITIVE_INFINITY, CsvNumbers.parse("Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, CsvNumbers.parse("-inf"));
        assertEquals(Double.NEGATIVE_INFINITY, CsvNumbers.parse("-Infinity"));
        assertTrue(Double.isNaN(CsvNumbers.parse("infinity")));
        assertTrue(Double.isNaN(CsvNumbers.parse("Infinit")));
    }

    @Test
    void textOutsideTheGrammarIsNotANumber() {
        String[] cases = {
            "", " ", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "1,5", "1d", "2f", "0x10",
            "0x1p3", "1 2", "--1", "+-1", "abc", "NaN", "nan", "NA", "1_000", "١", "1e5x", "5-", "½",
        };
        for (String text : cases) {
            assertTrue(Double.isNaN(CsvNumbers.parse(text)), () -> "should not be a number: '" + text + "'");
        }
    }

    @Test
    void millionsOfRandomDecimalsMatchParseDouble() {
        SplittableRandom random = new SplittableRandom(20240601);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            sb.setLength(0);
            int shape = random.nextInt(4);
            if (random.nextInt(3) == 0) {
                sb.append(random.nextBoolean() ? '-' : '+');
            }
            int intDigits = shape == 0 ? 0 : 1 + random.nextInt(shape == 3 ? 25 : 10);
            for (int d = 0; d < intDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            int fracDigits = random.nextInt(shape == 3 ? 25 : 12);
            if (intDigits == 0 && fracDigits == 0) {
                fracDigits = 1;
            }
            if (fracDigits > 0 || random.nextInt(8) == 0) {
                sb.append('.');
            }
            for (int d = 0; d < fracDigits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                sb.append(random.nextBoolean() ? 'e' : 'E');
                int r = random.nextInt(3);
                if (r > 0) {
                    sb.append(r == 1 ? '-' : '+');
                }
                sb.append(random.nextInt(random.nextBoolean() ? 40 : 340));
            }
            assertSameAsJava(sb.toString());
        }
    }

    @Test
    void fastPathIsTakenAndExactOnItsWholeDomain() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            long m = random.nextInt(3) == 0 ? random.nextLong(1, 1000) : random.nextLong(1, 1L << 53);
            int p = random.nextInt(-22, 38);
            double fast = CsvNumbers.fast(m, p);
            if (p <= 22) {
                assertFalse(Double.isNaN(fast), () -> "fast path should handle " + m + "e" + p);
            }
            if (!Double.isNaN(fast)) {
                double expected = Double.parseDouble(m + "e" + p);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fast),
                        () -> m + "e" + p);
            }
        }
        assertTrue(Double.isNaN(CsvNumbers.fast(1L << 53, 0)), "2^53 and above may be inexact: slow path");
        assertTrue(Double.isNaN(CsvNumbers.fast(1, -23)), "10^23 is not exact: slow path");
        assertEquals(1e37, CsvNumbers.fast(1, 37), "a short mantissa absorbs part of the exponent");
    }

    @Test
    void randomDoublesRoundTripThroughTheirShortestForm() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double x = random.nextInt(4) == 0
                    ? Double.longBitsToDouble(random.nextLong())
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String text = Double.toString(x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(CsvNumbers.parse(text)), text);
        }
    }

    @Test
    void whateverIsAcceptedFromRandomGarbageAgreesWithParseDouble() {
        SplittableRandom random = new SplittableRandom(99);
        String alphabet = "0123456789.eE+- dfxIna";
        int accepted = 0;
        for (int i = 0; i < 500_000; i++) {
            int length = 1 + random.nextInt(8);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            double parsed = CsvNumbers.parse(text);
            if (!Double.isNaN(parsed) && !text.strip().matches("[+-]?(inf|Inf)")) {
                accepted++;
                assertSameAsJava(text);
                assertFalse(text.matches(".*[dfx].*"), () -> "Java suffixes are text: " + text);
            }
        }
        assertTrue(accepted > 1000, "the garbage generator should also produce numbers, made " + accepted);
    }

    @Test
    void missingMarkers() {
        for (String text : new String[] {"", "  ", "NA", " NA ", "NaN", "nan", "\tNaN"}) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertTrue(CsvNumbers.isMissing(b, 0, b.length), () -> "missing: '" + text + "'");
        }
        for (String text : new String[] {"na", "Na", "NAN", "nA", "N A", "0", "NAs", "-"}) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertFalse(CsvNumbers.isMissing(b, 0, b.length), () -> "not missing: '" + text + "'");
        }
    }

    @Test
    void parsesInsideALargerBufferWithoutLookingOutside() {
        byte[] b = "99,-12.5e1,77".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-125.0, CsvNumbers.parse(b, 3, 10));
        assertEquals(9.0, CsvNumbers.parse(b, 0, 1));
    }
}
