package io.gridlearn.data.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Codes for the distinct values of one categorical column, numbered in order of first appearance. Used
 * per block by workers (so a block ships each distinct string once) and per file by the commit stage
 * (where seeing blocks in order makes the codes deterministic).
 */
final class LevelTable {
    private final HashMap<String, Integer> codes = new HashMap<>();
    private final ArrayList<String> levels = new ArrayList<>();

    int code(String level) {
        Integer code = codes.get(level);
        if (code == null) {
            code = levels.size();
            codes.put(level, code);
            levels.add(level);
        }
        return code;
    }

    String[] toArray() {
        return levels.toArray(new String[0]);
    }

    List<String> levels() {
        return List.copyOf(levels);
    }
}
