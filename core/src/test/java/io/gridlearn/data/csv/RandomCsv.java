package io.gridlearn.data.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test helper: a random CSV with numeric and categorical columns, awkward quoting, CRLF lines and missing
 * values, plus the values it is expected to parse to, so tests check correctness and not only agreement.
 */
final class RandomCsv {
    static final String[] NAMES = {"num", "cat", "int", "rare"};

    final int rows;
    /** expected[c][r]: the number, or NaN; for categorical columns unused. */
    final double[][] numbers;
    /** text[c][r]: the categorical text, or null if missing; for numeric columns unused. */
    final String[][] text;
    final Path file;

    RandomCsv(Path dir, int rows, long seed) throws IOException {
        this.rows = rows;
        this.numbers = new double[NAMES.length][rows];
        this.text = new String[NAMES.length][rows];
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(String.join(",", NAMES)).append('\n');
        for (int r = 0; r < rows; r++) {
            double x = random.nextInt(20) == 0 ? Double.NaN : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
            numbers[0][r] = x;
            sb.append(Double.isNaN(x) ? (random.nextBoolean() ? "" : "NA") : Double.toString(x)).append(',');
            String level = random.nextInt(25) == 0 ? null : level(random.nextInt(30));
            text[1][r] = level;
            sb.append(level == null ? "NA" : quote(level)).append(',');
            long n = random.nextInt(2001) - 1000;
            numbers[2][r] = n;
            sb.append(random.nextInt(10) == 0 ? "\"" + n + "\"" : " " + n + " ").append(',');
            // New levels keep appearing late in the file, so code order depends on the whole file.
            String rare = random.nextInt(50) == 0 ? "r" + random.nextInt(Math.max(1, r / 10)) : "common";
            text[3][r] = rare;
            sb.append(rare).append(random.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        file = dir.resolve("random-" + seed + ".csv");
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String level(int k) {
        switch (k % 5) {
            case 0:
                return "plain" + k;
            case 1:
                return "with, comma " + k;
            case 2:
                return "two\nlines " + k;
            case 3:
                return "say \"" + k + "\"";
            default:
                return "ünïcödé " + k;
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('\n') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
