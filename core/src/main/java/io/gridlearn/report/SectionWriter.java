package io.gridlearn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the HTML of a {@link ReportSection}: charts are laid out side by side until a heading, note or table
 * breaks the row. Counts the charts it was given.
 */
public final class SectionWriter {
    /** The width of a report chart in pixels. */
    public static final int W = 540;
    /** The height of a report chart in pixels. */
    public static final int H = 360;

    private final StringBuilder body = new StringBuilder();
    private final List<String> pending = new ArrayList<>();
    private int charts;

    /**
     * Adds a chart to the current row of charts.
     *
     * @param svg the chart
     * @return this writer
     */
    public SectionWriter chart(Svg svg) {
        return chart(svg.render());
    }

    /**
     * Adds a rendered chart (inline {@code <svg>}) to the current row of charts.
     *
     * @param svg the chart's SVG
     * @return this writer
     */
    public SectionWriter chart(String svg) {
        pending.add(svg);
        charts++;
        return this;
    }

    /**
     * Ends the row of charts and adds a note in small grey text.
     *
     * @param text the note (escaped)
     * @return this writer
     */
    public SectionWriter note(String text) {
        flush();
        body.append("<p class=\"note\">").append(Html.esc(text)).append("</p>");
        return this;
    }

    /**
     * Ends the row of charts and adds a third-level heading.
     *
     * @param text the heading (escaped)
     * @return this writer
     */
    public SectionWriter heading(String text) {
        flush();
        body.append("<h3>").append(Html.esc(text)).append("</h3>");
        return this;
    }

    /**
     * Ends the row of charts and adds a table.
     *
     * @param header the column names
     * @param rows   the cells; numbers are right-aligned
     * @return this writer
     */
    public SectionWriter table(List<String> header, List<List<Object>> rows) {
        flush();
        body.append(Html.table(header, rows));
        return this;
    }

    /**
     * Ends the row of charts and adds HTML as it is.
     *
     * @param html the fragment (not escaped)
     * @return this writer
     */
    public SectionWriter html(String html) {
        flush();
        body.append(html);
        return this;
    }

    /**
     * The number of charts added so far.
     *
     * @return the count
     */
    public int charts() {
        return charts;
    }

    private void flush() {
        if (!pending.isEmpty()) {
            body.append("<div class=\"charts\">");
            pending.forEach(body::append);
            body.append("</div>");
            pending.clear();
        }
    }

    /**
     * The section's HTML.
     *
     * @return the HTML fragment
     */
    public String render() {
        flush();
        return body.toString();
    }
}
