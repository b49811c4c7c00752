package io.gridlearn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG chart writer for reports: one x-y plot area with linear axes, ticks and labels, and layers of
 * points, lines, bars and text. Output is inline SVG for an HTML5 page (no namespace attribute, no external
 * references), so a report is one self-contained file.
 */
public final class Svg {
    /**
     * The colours of series, in order (the D3 category-10 palette).
     */
    public static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private final int width;
    private final int height;
    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private double x0 = Double.POSITIVE_INFINITY;
    private double x1 = Double.NEGATIVE_INFINITY;
    private double y0 = Double.POSITIVE_INFINITY;
    private double y1 = Double.NEGATIVE_INFINITY;
    private final List<Layer> layers = new ArrayList<>();
    private final List<String[]> legend = new ArrayList<>();
    private String[] categories;

    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;

    private interface Layer {
        void draw(StringBuilder sb);
    }

    /**
     * An empty chart.
     *
     * @param title  the title, drawn above the plot area
     * @param width  the width in pixels
     * @param height the height in pixels
     */
    public Svg(String title, int width, int height) {
        this.title = title;
        this.width = width;
        this.height = height;
    }

    /**
     * Sets the axis labels.
     *
     * @param x the x axis label
     * @param y the y axis label
     * @return this chart
     */
    public Svg labels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    /**
     * Widens the axis ranges to include these points (non-finite pairs are skipped).
     *
     * @param xs the x values
     * @param ys the y values
     * @return this chart
     */
    public Svg include(double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                x0 = Math.min(x0, xs[i]);
                x1 = Math.max(x1, xs[i]);
                y0 = Math.min(y0, ys[i]);
                y1 = Math.max(y1, ys[i]);
            }
        }
        return this;
    }

    /**
     * A scatter of points.
     *
     * @param xs    the x values
     * @param ys    the y values
     * @param color the fill colour
     * @return this chart
     */
    public Svg points(double[] xs, double[] ys, String color) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        include(x, y);
        layers.add(sb -> {
            sb.append("<g fill=\"").append(color).append("\" fill-opacity=\"0.55\">");
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    sb.append("<circle cx=\"").append(f(px(x[i]))).append("\" cy=\"").append(f(py(y[i])))
                            .append("\" r=\"2.6\"/>");
                }
            }
            sb.append("</g>");
        });
        return this;
    }

    /**
     * A polyline through the points in order (non-finite pairs are skipped).
     *
     * @param xs     the x values
     * @param ys     the y values
     * @param color  the stroke colour
     * @param dashed true for a dashed line
     * @return this chart
     */
    public Svg line(double[] xs, double[] ys, String color, boolean dashed) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        include(x, y);
        layers.add(sb -> {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    pts.append(f(px(x[i]))).append(',').append(f(py(y[i]))).append(' ');
                }
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.8\"")
                    .append(dashed ? " stroke-dasharray=\"5 4\"" : "").append(" points=\"").append(pts.toString().trim())
                    .append("\"/>");
        });
        return this;
    }

    /**
     * Vertical bars from 0 at x positions 0…n−1, labelled by {@code names} on a categorical axis.
     *
     * @param names  the category names
     * @param values the bar heights
     * @param color  the fill colour
     * @return this chart
     */
    public Svg bars(String[] names, double[] values, String color) {
        categories = names.clone();
        double[] xs = new double[values.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        return histogram(xs, values, 0.8, color);
    }

    /**
     * A categorical x axis: positions 0…n−1 labelled by {@code names} (for points, error bars or several bar
     * series drawn with {@link #histogram} at offsets around each position).
     *
     * @param names the category names
     * @return this chart
     */
    public Svg categories(String[] names) {
        categories = names.clone();
        x0 = Math.min(x0, -0.5);
        x1 = Math.max(x1, names.length - 0.5);
        return this;
    }

    /**
     * Vertical error bars from {@code lo} to {@code hi} at {@code xs}, with short caps.
     *
     * @param xs    the x positions
     * @param lo    the lower ends
     * @param hi    the upper ends
     * @param color the stroke colour
     * @return this chart
     */
    public Svg errorBars(double[] xs, double[] lo, double[] hi, String color) {
        double[] x = xs.clone();
        double[] a = lo.clone();
        double[] b = hi.clone();
        include(x, a);
        include(x, b);
        layers.add(sb -> {
            sb.append("<g stroke=\"").append(color).append("\" stroke-width=\"1.4\">");
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                    double cx = px(x[i]);
                    sb.append("<line x1=\"").append(f(cx)).append("\" y1=\"").append(f(py(a[i]))).append("\" x2=\"")
                            .append(f(cx)).append("\" y2=\"").append(f(py(b[i]))).append("\"/>");
                    for (double v : new double[] {a[i], b[i]}) {
                        sb.append("<line x1=\"").append(f(cx - 3)).append("\" y1=\"").append(f(py(v))).append("\" x2=\"")
                                .append(f(cx + 3)).append("\" y2=\"").append(f(py(v))).append("\"/>");
                    }
                }
            }
            sb.append("</g>");
        });
        return this;
    }

    /**
     * Text labels next to points (for example the cluster numbers of projected centres); labels of points in the
     * right half are written to their left.
     *
     * @param xs    the x values
     * @param ys    the y values
     * @param texts the labels
     * @param color the text colour
     * @return this chart
     */
    public Svg text(double[] xs, double[] ys, String[] texts, String color) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        String[] t = texts.clone();
        include(x, y);
        layers.add(sb -> {
            sb.append("<g font-size=\"11\" fill=\"").append(color).append("\">");
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    boolean right = px(x[i]) > (LEFT + width - RIGHT) / 2.0;
                    sb.append("<text x=\"").append(f(px(x[i]) + (right ? -5 : 5))).append("\" y=\"").append(f(py(y[i]) - 5))
                            .append(right ? "\" text-anchor=\"end\">" : "\">").append(Html.esc(t[i])).append("</text>");
                }
            }
            sb.append("</g>");
        });
        return this;
    }

    /**
     * A matrix as a grid of shaded cells with the value written in each (for confusion matrices): rows top to
     * bottom, columns left to right; the shade grows with the value relative to the largest cell.
     *
     * @param title    the title
     * @param rowLabel the label of the rows (left)
     * @param colLabel the label of the columns (bottom)
     * @param rowNames the row names
     * @param colNames the column names
     * @param values   the cells, by row
     * @param width    the width in pixels
     * @param height   the height in pixels
     * @return the chart as inline SVG
     */
    public static String heatmap(String title, String rowLabel, String colLabel, String[] rowNames, String[] colNames,
                                 double[][] values, int width, int height) {
        double max = 0;
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        int rows = rowNames.length;
        int cols = colNames.length;
        double cw = (width - LEFT - RIGHT) / (double) Math.max(1, cols);
        double ch = (height - TOP - BOTTOM) / (double) Math.max(1, rows);
        StringBuilder sb = new StringBuilder();
        open(sb, title, width, height);
        sb.append("<g font-size=\"11\" text-anchor=\"middle\">");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = values[i][j];
                double share = max > 0 && Double.isFinite(v) ? v / max : 0;
                int shade = (int) Math.round(255 - 190 * share);
                String fill = String.format(Locale.ROOT, "#%02x%02xff", shade, shade);
                double x = LEFT + j * cw;
                double y = TOP + i * ch;
                sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(cw))
                        .append("\" height=\"").append(f(ch)).append("\" fill=\"").append(fill)
                        .append("\" stroke=\"#ccc\"/><text x=\"").append(f(x + cw / 2)).append("\" y=\"")
                        .append(f(y + ch / 2 + 4)).append("\" fill=\"").append(share > 0.6 ? "#fff" : "#222").append("\">")
                        .append(Html.esc(Html.num(v))).append("</text>");
            }
        }
        for (int j = 0; j < cols; j++) {
            sb.append("<text x=\"").append(f(LEFT + (j + 0.5) * cw)).append("\" y=\"").append(height - BOTTOM + 14)
                    .append("\" font-size=\"10\">").append(Html.esc(colNames[j])).append("</text>");
        }
        sb.append("</g><g font-size=\"10\" text-anchor=\"end\">");
        for (int i = 0; i < rows; i++) {
            sb.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(TOP + (i + 0.5) * ch + 3)).append("\">")
                    .append(Html.esc(rowNames[i])).append("</text>");
        }
        sb.append("</g>");
        axisLabels(sb, colLabel, rowLabel, width, height);
        return sb.append("</svg>").toString();
    }

    /**
     * Bars of width {@code barWidth} centred at {@code centres}, from 0 up to {@code values}.
     *
     * @param centres  the bar centres
     * @param values   the bar heights
     * @param barWidth the bar width in x units
     * @param color    the fill colour
     * @return this chart
     */
    public Svg histogram(double[] centres, double[] values, double barWidth, String color) {
        double[] c = centres.clone();
        double[] v = values.clone();
        for (int i = 0; i < c.length; i++) {
            include(new double[] {c[i] - barWidth / 2, c[i] + barWidth / 2}, new double[] {0, v[i]});
        }
        layers.add(sb -> {
            sb.append("<g fill=\"").append(color).append("\">");
            for (int i = 0; i < c.length; i++) {
                double xa = px(c[i] - barWidth / 2);
                double xb = px(c[i] + barWidth / 2);
                double ya = py(Math.max(0, v[i]));
                double yb = py(Math.min(0, v[i]));
                sb.append("<rect x=\"").append(f(xa)).append("\" y=\"").append(f(ya)).append("\" width=\"")
                        .append(f(Math.max(0.5, xb - xa - 1))).append("\" height=\"").append(f(yb - ya))
                        .append("\"><title>").append(Html.esc(Html.num(v[i]))).append("</title></rect>");
            }
            sb.append("</g>");
        });
        return this;
    }

    /**
     * The line y = x across the current range (for Q-Q plots, ROC and calibration).
     *
     * @return this chart
     */
    public Svg diagonal() {
        layers.add(sb -> {
            double a = Math.max(x0, y0);
            double b = Math.min(x1, y1);
            sb.append("<line x1=\"").append(f(px(a))).append("\" y1=\"").append(f(py(a))).append("\" x2=\"")
                    .append(f(px(b))).append("\" y2=\"").append(f(py(b)))
                    .append("\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>");
        });
        return this;
    }

    /**
     * A dashed horizontal reference line (it does not widen the y range).
     *
     * @param y     the height
     * @param color the stroke colour
     * @return this chart
     */
    public Svg hline(double y, String color) {
        layers.add(sb -> sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(py(y))).append("\" x2=\"")
                .append(width - RIGHT).append("\" y2=\"").append(f(py(y))).append("\" stroke=\"").append(color)
                .append("\" stroke-dasharray=\"4 4\"/>"));
        return this;
    }

    /**
     * A legend entry, drawn at the top right.
     *
     * @param name  the series name
     * @param color the series colour
     * @return this chart
     */
    public Svg legend(String name, String color) {
        legend.add(new String[] {name, color});
        return this;
    }

    /**
     * Forces the ranges (e.g. [0, 1] for ROC).
     *
     * @param xa the x minimum
     * @param xb the x maximum
     * @param ya the y minimum
     * @param yb the y maximum
     * @return this chart
     */
    public Svg range(double xa, double xb, double ya, double yb) {
        x0 = xa;
        x1 = xb;
        y0 = ya;
        y1 = yb;
        return this;
    }

    private double px(double x) {
        return LEFT + (x - x0) / (x1 - x0) * (width - LEFT - RIGHT);
    }

    private double py(double y) {
        return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Tick values: a 1-2-5 step giving about {@code n} ticks over [lo, hi]. */
    static double[] ticks(double lo, double hi, int n) {
        double raw = (hi - lo) / n;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step - 1e-9) * step;
        List<Double> t = new ArrayList<>();
        for (double v = first; v <= hi + step * 1e-9 && t.size() < 50; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String tickLabel(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static void open(StringBuilder sb, String title, int width, int height) {
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#fff\"/>");
        sb.append("<text x=\"").append(width / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(Html.esc(title)).append("</text>");
    }

    private static void axisLabels(StringBuilder sb, String xLabel, String yLabel, int width, int height) {
        sb.append("<text x=\"").append((LEFT + width - RIGHT) / 2).append("\" y=\"").append(height - 10)
                .append("\" text-anchor=\"middle\" font-size=\"12\">").append(Html.esc(xLabel)).append("</text>");
        sb.append("<text transform=\"translate(14,").append((TOP + height - BOTTOM) / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">").append(Html.esc(yLabel)).append("</text>");
    }

    /**
     * The chart as inline SVG.
     *
     * @return the {@code <svg>} element
     */
    public String render() {
        if (!(x1 >= x0)) {
            x0 = 0;
            x1 = 1;
        }
        if (!(y1 >= y0)) {
            y0 = 0;
            y1 = 1;
        }
        if (x1 == x0) {
            x0 -= 0.5;
            x1 += 0.5;
        }
        if (y1 == y0) {
            y0 -= 0.5;
            y1 += 0.5;
        }
        if (categories == null) {
            double padX = (x1 - x0) * 0.03;
            x0 -= padX;
            x1 += padX;
        }
        double padY = (y1 - y0) * 0.04;
        y0 = y0 == 0 ? 0 : y0 - padY;
        y1 += padY;
        StringBuilder sb = new StringBuilder();
        open(sb, title, width, height);
        // grid and ticks
        sb.append("<g font-size=\"10\" fill=\"#333\">");
        if (categories != null) {
            boolean slanted = categories.length > 6;
            for (int i = 0; i < categories.length; i++) {
                String name = slanted && categories[i].length() > 12 ? categories[i].substring(0, 11) + "…" : categories[i];
                if (slanted) {
                    sb.append("<text transform=\"translate(").append(f(px(i) + 3)).append(',').append(height - BOTTOM + 8)
                            .append(") rotate(-35)\" text-anchor=\"end\" font-size=\"9\">").append(Html.esc(name))
                            .append("<title>").append(Html.esc(categories[i])).append("</title></text>");
                } else {
                    sb.append("<text x=\"").append(f(px(i))).append("\" y=\"").append(height - BOTTOM + 14)
                            .append("\" text-anchor=\"middle\">").append(Html.esc(name)).append("</text>");
                }
            }
        } else {
            for (double t : ticks(x0, x1, 6)) {
                sb.append("<line x1=\"").append(f(px(t))).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(px(t)))
                        .append("\" y2=\"").append(height - BOTTOM).append("\" stroke=\"#eee\"/>");
                sb.append("<text x=\"").append(f(px(t))).append("\" y=\"").append(height - BOTTOM + 14)
                        .append("\" text-anchor=\"middle\">").append(tickLabel(t)).append("</text>");
            }
        }
        for (double t : ticks(y0, y1, 5)) {
            sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(py(t))).append("\" x2=\"").append(width - RIGHT)
                    .append("\" y2=\"").append(f(py(t))).append("\" stroke=\"#eee\"/>");
            sb.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(py(t) + 3))
                    .append("\" text-anchor=\"end\">").append(tickLabel(t)).append("</text>");
        }
        sb.append("</g>");
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(width - LEFT - RIGHT)
                .append("\" height=\"").append(height - TOP - BOTTOM).append("\" fill=\"none\" stroke=\"#999\"/>");
        for (Layer l : layers) {
            l.draw(sb);
        }
        if (categories == null || categories.length <= 6) {
            axisLabels(sb, xLabel, yLabel, width, height);
        } else {
            axisLabels(sb, "", yLabel, width, height);
        }
        for (int i = 0; i < legend.size(); i++) {
            int y = TOP + 14 + 16 * i;
            sb.append("<rect x=\"").append(width - RIGHT - 130).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(legend.get(i)[1]).append("\"/><text x=\"").append(width - RIGHT - 115).append("\" y=\"").append(y)
                    .append("\" font-size=\"11\">").append(Html.esc(legend.get(i)[0])).append("</text>");
        }
        sb.append("</svg>");
        return sb.toString();
    }
}
