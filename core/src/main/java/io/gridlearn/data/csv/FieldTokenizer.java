package io.gridlearn.data.csv;

import java.nio.charset.StandardCharsets;

/**
 * Splits the bytes of whole records into fields (RFC 4180), one field per {@link #next} call, without
 * copying: the result is a byte range into the input, so numeric fields are parsed in place.
 *
 * <p>Unquoted fields are trimmed of blanks because spreadsheets and hand-edited files pad them; quoted
 * fields keep their content verbatim because quoting is how a writer says the spaces matter. Blanks are
 * allowed around the quotes. The line counter advances on every line feed, also inside quoted fields, so
 * error messages point at the physical line an editor shows.
 */
final class FieldTokenizer {
    /** The field ended at a comma: more fields follow in this record. */
    static final int COMMA = 0;
    /** The field ended at a line break (LF or CRLF). */
    static final int EOL = 1;
    /** The field ended at the end of the input (the file's last record has no line break). */
    static final int END = 2;

    private final CsvErrors errors;
    private byte[] buf;
    private int limit;

    /** Next unread byte. */
    int pos;
    /** Physical line of {@link #pos}. */
    long line;
    /** Content of the last field: trimmed for unquoted, between the quotes (escapes kept) for quoted. */
    int start;
    int end;
    boolean quoted;
    /** The last field contains {@code ""}, so its bytes are not its text. */
    boolean escaped;
    /** Physical line where the last field starts. */
    long fieldLine;

    FieldTokenizer(CsvErrors errors) {
        this.errors = errors;
    }

    void reset(byte[] bytes, int from, int to, long firstLine) {
        buf = bytes;
        pos = from;
        limit = to;
        line = firstLine;
    }

    int limit() {
        return limit;
    }

    /**
     * Reads one field.
     *
     * @param column the field's 0-based index in its record, only for error messages
     * @return {@link #COMMA}, {@link #EOL} or {@link #END}
     */
    int next(int column) {
        final byte[] b = buf;
        final int lim = limit;
        final int s = pos;
        int p = s;
        fieldLine = line;
        while (p < lim) {
            byte c = b[p];
            if (c > ',') { // every byte that matters is <= ','; digits, letters and '.' are not
                p++;
                continue;
            }
            if (c == ',') {
                unquoted(b, s, p);
                pos = p + 1;
                return COMMA;
            }
            if (c == '\n') {
                unquoted(b, s, p > s && b[p - 1] == '\r' ? p - 1 : p);
                pos = p + 1;
                line++;
                return EOL;
            }
            if (c == '"') {
                for (int k = s; k < p; k++) {
                    if (!CsvNumbers.isBlank(b[k])) {
                        throw errors.strayQuote(line, column);
                    }
                }
                return quoted(p, column);
            }
            p++;
        }
        unquoted(b, s, p > s && b[p - 1] == '\r' ? p - 1 : p);
        pos = lim;
        return END;
    }

    private void unquoted(byte[] b, int s, int e) {
        while (s < e && CsvNumbers.isBlank(b[s])) {
            s++;
        }
        while (e > s && CsvNumbers.isBlank(b[e - 1])) {
            e--;
        }
        start = s;
        end = e;
        quoted = false;
        escaped = false;
    }

    private int quoted(int openingQuote, int column) {
        final byte[] b = buf;
        final int lim = limit;
        int p = openingQuote + 1;
        boolean esc = false;
        while (true) {
            if (p >= lim) {
                throw errors.unterminatedQuote(fieldLine, column);
            }
            byte c = b[p];
            if (c == '"') {
                if (p + 1 < lim && b[p + 1] == '"') {
                    esc = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            p++;
        }
        start = openingQuote + 1;
        end = p;
        quoted = true;
        escaped = esc;
        p++;
        while (p < lim && CsvNumbers.isBlank(b[p])) {
            p++;
        }
        if (p >= lim) {
            pos = lim;
            return END;
        }
        byte c = b[p];
        if (c == ',') {
            pos = p + 1;
            return COMMA;
        }
        if (c == '\n' || c == '\r' && p + 1 < lim && b[p + 1] == '\n') {
            pos = c == '\n' ? p + 1 : p + 2;
            line++;
            return EOL;
        }
        if (c == '\r' && p + 1 == lim) {
            pos = lim;
            return END;
        }
        throw errors.textAfterQuote(line, column, c);
    }

    /** The last field's text, unescaped; allocates, so only for categorical values and messages. */
    String text() {
        if (!escaped) {
            return new String(buf, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            out[n++] = buf[i];
            if (buf[i] == '"') {
                i++; // the second quote of a "" pair
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Whether the last field is a missing value. */
    boolean missing() {
        return CsvNumbers.isMissing(buf, start, end);
    }

    /** The last field as a number, or NaN if it is not one. */
    double number() {
        return CsvNumbers.parse(buf, start, end);
    }
}
