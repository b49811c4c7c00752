package io.gridlearn.data.csv;

import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;

/**
 * Turns one {@link WorkUnit} into a column-major block. Runs on worker threads, one parser per task, so it
 * holds no shared state; errors are thrown with the unit's line numbers and, because the commit stage
 * consumes units in order, the first error in the file is the one the user sees.
 */
final class BlockParser {
    private final boolean[] categorical;
    private final CsvErrors errors;
    private final FieldTokenizer tok;

    BlockParser(boolean[] categorical, CsvErrors errors) {
        this.categorical = categorical;
        this.errors = errors;
        this.tok = new FieldTokenizer(errors);
    }

    ParsedBlock parse(WorkUnit unit) {
        final int rows = unit.records();
        final int cols = categorical.length;
        final double[] values = new double[Math.multiplyExact(rows, cols)];
        final LevelTable[] local = new LevelTable[cols];
        for (int c = 0; c < cols; c++) {
            if (categorical[c]) {
                local[c] = new LevelTable();
            }
        }
        final FieldTokenizer t = tok;
        final int last = cols - 1;
        t.reset(unit.data(), 0, unit.length(), unit.startLine());
        for (int r = 0; r < rows; r++) {
            final long recordLine = t.line;
            final int recordStart = t.pos;
            for (int c = 0; c < cols; c++) {
                final int end = t.next(c);
                final LevelTable levels = local[c];
                double x;
                if (levels == null) {
                    x = t.number();
                    if (x != x && !t.missing()) {
                        throw errors.notANumber(t.fieldLine, c, t.text());
                    }
                } else {
                    x = t.missing() ? Double.NaN : levels.code(t.text());
                }
                values[c * rows + r] = x;
                if (end == FieldTokenizer.COMMA) {
                    if (c == last) {
                        throw tooManyFields(recordLine, cols);
                    }
                } else if (c != last) {
                    throw tooFewFields(unit, recordLine, recordStart, c + 1, cols);
                } else if (end == FieldTokenizer.END && r != rows - 1) {
                    throw mismatch(unit, r + 1);
                }
            }
        }
        if (t.pos != unit.length()) {
            throw mismatch(unit, rows + 1);
        }
        String[][] localLevels = new String[cols][];
        for (int c = 0; c < cols; c++) {
            if (local[c] != null) {
                localLevels[c] = local[c].toArray();
            }
        }
        return new ParsedBlock(unit.blockId(), rows, values, localLevels, unit.endOffset());
    }

    private BadInputException tooFewFields(WorkUnit unit, long line, int recordStart, int found, int cols) {
        int length = tok.pos - recordStart;
        byte[] b = unit.data();
        if (found == 1 && (length == 1 || length == 2 && b[recordStart] == '\r')) {
            return errors.emptyLine(line, cols);
        }
        return errors.wrongFieldCount(line, String.valueOf(found), cols);
    }

    /** Counts the rest of the record for the message; if it is malformed too, the count is a lower bound. */
    private BadInputException tooManyFields(long line, int cols) {
        int found = cols;
        try {
            int end;
            do {
                end = tok.next(found);
                found++;
            } while (end == FieldTokenizer.COMMA);
            return errors.wrongFieldCount(line, String.valueOf(found), cols);
        } catch (BadInputException e) {
            return errors.wrongFieldCount(line, "more than " + found, cols);
        }
    }

    /** The reader and the tokenizer disagree on record boundaries: a bug, not the user's fault. */
    private GridlearnException mismatch(WorkUnit unit, int records) {
        return new GridlearnException(errors.file() + ": internal error: block " + unit.blockId()
                + " starting at line " + unit.startLine() + " was cut with " + unit.records()
                + " records but parses as at least " + records);
    }
}
