package io.gridlearn;

/** Argument checks of the typed API, with messages that name the method and say what is allowed. */
final class Checks {
    private Checks() {
    }

    static double nonNegative(String where, String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BadInputException(where + ": " + what + " must be a finite number >= 0, was " + v);
        }
        return v;
    }

    static double positive(String where, String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new BadInputException(where + ": " + what + " must be a finite number > 0, was " + v);
        }
        return v;
    }

    static double unit(String where, String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new BadInputException(where + ": " + what + " must be in [0, 1], was " + v);
        }
        return v;
    }

    static int atLeast(String where, String what, int min, int v) {
        if (v < min) {
            throw new BadInputException(where + ": " + what + " must be >= " + min + ", was " + v);
        }
        return v;
    }

    static <T> T given(String where, String what, T v) {
        if (v == null) {
            throw new BadInputException(where + ": " + what + " must be given, was null");
        }
        return v;
    }

    static java.util.List<String> columns(String where, String... names) {
        given(where, "the column names", names);
        if (names.length == 0) {
            throw new BadInputException(where + ": name at least one column");
        }
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new BadInputException(where + ": a column name is null or empty");
            }
        }
        return java.util.List.of(names);
    }
}
