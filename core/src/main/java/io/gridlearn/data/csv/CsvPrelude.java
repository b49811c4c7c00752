package io.gridlearn.data.csv;

import io.gridlearn.data.ColumnKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequential start of an ingest: the header and the type-inference sample. Kinds must be known before
 * any worker parses a block (a numeric column is parsed in place, a categorical one is not), so the sample
 * is read on its own first; reading its few rows twice is cheaper than any scheme to re-parse blocks.
 */
final class CsvPrelude {
    private CsvPrelude() {
    }

    /** Column names of the header record, trimmed, checked to be non-empty and unique. */
    static List<String> names(WorkUnit header, String file) {
        CsvErrors errors = new CsvErrors(file, List.of(), 0);
        FieldTokenizer tok = new FieldTokenizer(errors);
        tok.reset(header.data(), 0, header.length(), header.startLine());
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int end;
        do {
            int column = names.size();
            end = tok.next(column);
            String name = tok.text().trim();
            if (name.isEmpty()) {
                throw errors.at(tok.fieldLine, column, "the header name is empty; every column needs a name");
            }
            Integer earlier = seen.putIfAbsent(name, column);
            if (earlier != null) {
                throw errors.atLine(header.startLine(), "columns " + (earlier + 1) + " and " + (column + 1)
                        + " are both named " + CsvErrors.quote(name) + "; header names must be unique");
            }
            names.add(name);
        } while (end == FieldTokenizer.COMMA);
        return names;
    }

    /**
     * Kinds from the sample: parsing it with every column categorical yields each column's distinct
     * non-missing values, and a column is numeric only if all of them are numbers. Going through the block
     * parser means the sample obeys exactly the rules (and reports exactly the errors) of the main pass.
     */
    static List<ColumnKind> kinds(WorkUnit sample, int columns, CsvErrors errors) {
        boolean[] all = new boolean[columns];
        Arrays.fill(all, true);
        ParsedBlock parsed = new BlockParser(all, errors).parse(sample);
        List<ColumnKind> kinds = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            ColumnKind kind = ColumnKind.NUMERIC;
            for (String value : parsed.localLevels()[c]) {
                byte[] b = value.getBytes(StandardCharsets.UTF_8);
                if (Double.isNaN(CsvNumbers.parse(b, 0, b.length))) {
                    kind = ColumnKind.CATEGORICAL;
                    break;
                }
            }
            kinds.add(kind);
        }
        return kinds;
    }
}
