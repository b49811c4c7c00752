package io.gridlearn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gridlearn.GridlearnException;
import io.gridlearn.util.Json;

import java.io.PrintStream;

/** Standard output: exactly one JSON document with --json, readable text otherwise. */
final class Output {
    private Output() {
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A number for text output: integers without a fraction, others with 6 significant digits. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format("%.6g", v);
    }
}
