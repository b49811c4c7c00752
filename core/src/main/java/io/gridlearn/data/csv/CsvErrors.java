package io.gridlearn.data.csv;

import io.gridlearn.BadInputException;
import java.util.List;

/**
 * Builds the user-facing messages for a malformed file, so that every error names the file, the physical
 * line, the column number and name in one format and says what would be accepted instead. Users fix CSV
 * files in an editor, which shows physical lines, hence line numbers count every line break, including
 * those inside quoted fields.
 */
final class CsvErrors {
    private static final int MAX_SHOWN = 60;

    private final String file;
    private final List<String> names;
    private final int sampleRows;

    /**
     * @param names column names, or an empty list while the header itself is being read
     * @param sampleRows the type-inference sample size, quoted when a numeric column meets text
     */
    CsvErrors(String file, List<String> names, int sampleRows) {
        this.file = file;
        this.names = names;
        this.sampleRows = sampleRows;
    }

    String file() {
        return file;
    }

    BadInputException inFile(String problem) {
        return new BadInputException(file + ": " + problem);
    }

    BadInputException atLine(long line, String problem) {
        return new BadInputException(file + ": line " + line + ": " + problem);
    }

    /** {@code column} is 0-based; messages show it 1-based like spreadsheets do. */
    BadInputException at(long line, int column, String problem) {
        String name = column < names.size() ? " (" + quote(names.get(column)) + ")" : "";
        return new BadInputException(file + ": line " + line + ", column " + (column + 1) + name + ": " + problem);
    }

    BadInputException strayQuote(long line, int column) {
        return at(line, column, "a '\"' inside an unquoted field; quote the whole field and double every quote"
                + " inside it, e.g. \"5\"\" tall\"");
    }

    BadInputException textAfterQuote(long line, int column, byte found) {
        return at(line, column, "unexpected " + describe(found) + " after the closing quote of a quoted field;"
                + " a closing quote must be followed by a comma or the end of the line (write \"\" for a quote"
                + " inside the field)");
    }

    BadInputException unterminatedQuote(long line, int column) {
        return at(line, column, "the quoted field that starts here is not closed before the end of the file;"
                + " add the closing '\"'");
    }

    BadInputException notANumber(long line, int column, String text) {
        return at(line, column, quote(text) + " is not a number (the column is numeric: its first " + sampleRows
                + " values are numbers; use a larger type-inference sample to read it as categorical)");
    }

    BadInputException wrongFieldCount(long line, String found, int expected) {
        return atLine(line, "found " + found + " fields, expected " + expected
                + " (one per header column; quote fields that contain commas)");
    }

    BadInputException emptyLine(long line, int expected) {
        return atLine(line, "the line is empty, expected " + expected
                + " fields (empty lines are allowed only at the end of the file)");
    }

    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return '"' + shown.replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    private static String describe(byte c) {
        if (c == '"') {
            return "'\"'";
        }
        if (c >= 0x21 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02x", c & 0xff);
    }
}
