package io.gridlearn.report;

import java.util.List;
import java.util.Locale;

/** HTML helpers for self-contained report pages: escaping, numbers, tables, the page frame with inline CSS. */
public final class Html {
    private Html() {
    }

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1150px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px}
            th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{border:1px solid #e4e4e4;background:#fff}
            .note{color:#555;font-size:13px}.row{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap}
            """;

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param s the text, or null
     * @return the escaped text (empty for null)
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A number as in the CLI's text output: integers without a fraction, others with 6 significant digits.
     *
     * @param v the number
     * @return the text ({@code NA} for NaN)
     */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * A table cell's text: numbers as {@link #num}, anything else escaped.
     *
     * @param o the value
     * @return the text
     */
    public static String value(Object o) {
        if (o instanceof Double d) {
            return num(d);
        }
        if (o instanceof Float d) {
            return num(d);
        }
        return esc(String.valueOf(o));
    }

    /**
     * A table; cells that are numbers are right-aligned.
     *
     * @param header the column names
     * @param rows   the cells
     * @return the {@code <table>} element
     */
    public static String table(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<Object> r : rows) {
            sb.append("<tr>");
            for (Object c : r) {
                boolean n = c instanceof Number;
                sb.append(n ? "<td class=\"n\">" : "<td>").append(c == null ? "" : value(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    /**
     * A whole page: the frame with the inline style sheet around {@code body}.
     *
     * @param title the page title
     * @param body  the body's HTML
     * @return the page
     */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>" + CSS + "</style></head><body>\n" + body + "\n</body></html>\n";
    }
}
