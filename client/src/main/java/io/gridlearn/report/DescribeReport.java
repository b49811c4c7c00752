package io.gridlearn.report;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.stats.ColumnSummary;
import io.gridlearn.stats.DatasetStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code describe DATASET --html}: the statistics table and a histogram per numeric column, binned next to
 * the data by {@link ColumnHistogramKernel} with edges from the described min and max.
 */
public final class DescribeReport {
    /** Bins per histogram: {@value}. */
    public static final int BINS = 30;

    private DescribeReport() {
    }

    /**
     * The page of a dataset's description.
     *
     * @param hz a member or client of the grid holding the dataset
     * @param d  the dataset's description (statistics per column)
     * @return the HTML page
     */
    public static String render(HazelcastInstance hz, DatasetStatistics.Description d) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(d.dataset());
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < d.columns().size(); c++) {
            ColumnSummary s = d.columns().get(c);
            if (schema.columns().get(c).kind() != ColumnKind.CATEGORICAL && s.count() > 0 && Double.isFinite(s.min())
                    && Double.isFinite(s.max())) {
                cols.add(c);
            }
        }
        int[] idx = cols.stream().mapToInt(Integer::intValue).toArray();
        double[] lo = new double[idx.length];
        double[] hi = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            lo[i] = d.columns().get(idx[i]).min();
            hi[i] = d.columns().get(idx[i]).max();
        }
        double[] counts = idx.length == 0 ? new double[0]
                : new GridPassRunner(catalog, schema).sum(new ColumnHistogramKernel(idx, lo, hi, BINS));
        StringBuilder body = new StringBuilder();
        body.append("<h1>Dataset ").append(Html.esc(d.dataset())).append("</h1><p class=\"note\">").append(d.rows())
                .append(" rows. Histograms count every row, binned next to the data into ").append(BINS)
                .append(" equal bins between each column's minimum and maximum.</p>");
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnSummary c : d.columns()) {
            rows.add(List.of(c.name(), c.count(), c.missing(), c.mean(), c.variance(), c.min(), c.max()));
        }
        body.append("<h2>Statistics</h2>")
                .append(Html.table(List.of("column", "count", "missing", "mean", "variance", "min", "max"), rows));
        body.append("<h2>Histograms</h2><div class=\"charts\">");
        for (int i = 0; i < idx.length; i++) {
            double w = (hi[i] - lo[i]) / BINS;
            int bins = w > 0 ? BINS : 1;
            double[] centres = new double[bins];
            double[] v = new double[bins];
            for (int k = 0; k < bins; k++) {
                centres[k] = w > 0 ? lo[i] + (k + 0.5) * w : lo[i];
                v[k] = counts[i * BINS + k];
            }
            body.append(new Svg(d.columns().get(idx[i]).name(), 360, 240).labels(d.columns().get(idx[i]).name(), "rows")
                    .histogram(centres, v, w > 0 ? w : 1, Svg.PALETTE[0]).render());
        }
        body.append("</div>");
        return Html.page("gridlearn describe: " + d.dataset(), body.toString());
    }
}
