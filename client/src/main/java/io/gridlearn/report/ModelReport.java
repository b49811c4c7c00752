package io.gridlearn.report;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.Learners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the HTML report of a model: the tables every model has (coefficients, summary, metrics, provenance),
 * then the section of the model's learner ({@link Learner#report()}), found in the learner registry by the
 * model's algorithm. It names no learner: a learner added to the class path brings its own section. Everything a
 * section draws from data comes from passes next to the data ({@link ReportContext}), never from collecting
 * every row.
 */
public final class ModelReport {
    /** Rows at most in a sampled chart unless {@code --sample} says otherwise. */
    public static final int DEFAULT_SAMPLE = 2000;

    private final ReportContext context;
    private final ModelDocument m;
    private final StringBuilder body = new StringBuilder();

    /**
     * @param context the model and what its section may draw from (data, store)
     */
    public ModelReport(ReportContext context) {
        this.context = context;
        this.m = context.model();
    }

    /**
     * The report page.
     *
     * @return the self-contained HTML
     */
    public String render() {
        body.append("<h1>Model report: ").append(Html.esc(m.name())).append("</h1>");
        body.append("<p class=\"note\">").append(Html.esc(m.algorithm())).append(" model, version ").append(m.version())
                .append(m.target() != null ? ", target <b>" + Html.esc(m.target()) + "</b>" : "")
                .append(context.dataset().map(d -> "; plots from dataset <b>" + Html.esc(d) + "</b>")
                        .orElse("; no data given (--data): plots from the model only"))
                .append(".</p>");
        coefficients();
        summary();
        metrics();
        provenance();
        body.append("<h2>Charts</h2>");
        String section = section();
        if (section.isBlank()) {
            body.append("<p class=\"note\">No charts for this model and these inputs.</p>");
        } else {
            body.append(section);
        }
        return Html.page("gridlearn report: " + m.name(), body.toString());
    }

    private String section() {
        Optional<Learner> learner = Learners.all().stream().filter(l -> l.algorithms().contains(m.algorithm())).findFirst();
        if (learner.isEmpty()) {
            return "<p class=\"note\">No learner on the class path answers to algorithm " + Html.esc(m.algorithm())
                    + ": the report shows its tables only.</p>";
        }
        return learner.get().report().map(r -> r.render(context)).orElse("");
    }

    // ---- tables ----

    private void coefficients() {
        if (m.coefficients() == null || m.features() == null) {
            return;
        }
        boolean se = m.standardErrors() != null;
        Object dfObj = m.summary() == null ? null : m.summary().get("dfResid");
        double tc = se && dfObj instanceof Number df ? ReportMath.tQuantile(0.975, df.doubleValue()) : Double.NaN;
        List<String> header = new ArrayList<>(List.of("term", "estimate"));
        if (se) {
            header.addAll(List.of("std. error", "t", "p", "95% CI low", "95% CI high"));
        }
        List<List<Object>> rows = new ArrayList<>();
        if (m.intercept() != null) {
            rows.add(row("(intercept)", m.intercept(), m.interceptStandardError(), summaryNumber(m, "interceptTValue"),
                    summaryNumber(m, "interceptPValue"), tc, se));
        }
        for (int j = 0; j < m.features().size(); j++) {
            rows.add(row(m.features().get(j), m.coefficients()[j], se ? m.standardErrors()[j] : null,
                    m.tValues() == null ? Double.NaN : m.tValues()[j], m.pValues() == null ? Double.NaN : m.pValues()[j], tc, se));
        }
        body.append("<h2>Coefficients</h2>");
        if (se) {
            body.append("<p class=\"note\">95% confidence intervals: estimate ± t(0.975, df = ")
                    .append(Html.value(dfObj)).append(") × standard error, t = ").append(Html.num(tc)).append(".</p>");
        }
        body.append(Html.table(header, rows));
    }

    private static double summaryNumber(ModelDocument m, String key) {
        return ReportCharts.summaryNumber(m, key);
    }

    private static List<Object> row(String term, double est, Double se, double t, double p, double tc, boolean withSe) {
        List<Object> r = new ArrayList<>();
        r.add(term);
        r.add(est);
        if (withSe) {
            boolean has = se != null && Double.isFinite(se);
            r.add(has ? se : null);
            r.add(Double.isNaN(t) ? (has ? est / se : null) : t);
            r.add(Double.isNaN(p) ? null : p);
            r.add(has && Double.isFinite(tc) ? est - tc * se : null);
            r.add(has && Double.isFinite(tc) ? est + tc * se : null);
        }
        return r;
    }

    private void summary() {
        if (m.summary() == null || m.summary().isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : m.summary().entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> l && l.size() > 12) {
                v = "(" + l.size() + " values)";
            } else if (v instanceof Map<?, ?> || v instanceof double[] || v instanceof long[][]) {
                v = String.valueOf(v instanceof List<?> ? v : v instanceof Map<?, ?> ? v : "(array)");
            }
            rows.add(List.of(e.getKey(), v == null ? "" : v));
        }
        body.append("<h2>Summary</h2>").append(Html.table(List.of("statistic", "value"), rows));
    }

    private void metrics() {
        if (m.metrics() == null || m.metrics().isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        m.metrics().forEach((split, map) -> map.forEach((k, v) -> rows.add(List.of(split, k, v == null ? Double.NaN : v))));
        body.append("<h2>Metrics</h2>").append(Html.table(List.of("split", "metric", "value"), rows));
    }

    private void provenance() {
        if (m.provenance() == null) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        m.provenance().forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v instanceof Number ? v : String.valueOf(v))));
        body.append("<h2>Provenance</h2>").append(Html.table(List.of("field", "value"), rows));
    }
}
