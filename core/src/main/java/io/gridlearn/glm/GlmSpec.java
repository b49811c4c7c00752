package io.gridlearn.glm;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GLM fit as the runtime runs it.
 *
 * @param target   the response column, or null for the dataset's last column
 * @param features the feature columns, or null for every column but the target, the offset and the weights
 * @param options  family, link, offset, weights, penalty, limits
 * @param seed     recorded in the provenance
 */
public record GlmSpec(String target, List<String> features, GlmOptions options, long seed) implements LearnerSpec {
    /**
     * Copies {@code features}; refuses null options.
     *
     * @param target   the response column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target, the offset and the
     *                 weights
     * @param options  the fit's options, not null
     * @param seed     recorded in the provenance (IRLS itself draws no random numbers)
     */
    public GlmSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    @Override
    public String algorithm() {
        return GlmLearner.ALGORITHM;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm());
        m.put("family", options.family().cliName());
        m.put("link", options.link().cliName());
        m.put("variancePower", Double.isNaN(options.variancePower()) ? null : options.variancePower());
        m.put("linkPower", Double.isNaN(options.linkPower()) ? null : options.linkPower());
        m.put("nbAlpha", Double.isNaN(options.nbAlpha()) ? null : options.nbAlpha());
        m.put("offset", options.offset());
        m.put("weights", options.weights());
        m.put("lambda", options.lambda());
        m.put("alpha", options.alpha());
        m.put("maxIter", options.maxIter());
        m.put("tol", options.tol());
        m.put("missing", options.missing());
        return m;
    }

    @Override
    public ModelDocument fit(FitContext c) {
        DatasetSchema schema = c.schema();
        String y = target != null ? target : schema.columns().get(schema.columns().size() - 1).name();
        int off = column(schema, options.offset(), "--offset", y);
        int w = column(schema, options.weights(), "--weights", y);
        List<String> xs = features;
        if (xs == null || xs.isEmpty()) {
            xs = new ArrayList<>();
            for (String name : schema.columnNames()) {
                if (!name.equals(y) && !name.equals(options.offset()) && !name.equals(options.weights())) {
                    xs.add(name);
                }
            }
        } else {
            for (String f : xs) {
                if (f.equals(options.offset()) || f.equals(options.weights())) {
                    throw new BadInputException("column '" + f + "' is the " + (f.equals(options.offset())
                            ? "offset" : "weight") + " column; it cannot also be a feature");
                }
            }
        }
        ColumnChoice cols = ColumnChoice.resolve(schema, y, xs, true);
        return new GlmTrainer(c.runner(), cols.featureColumns(), cols.targetColumn(), w, off, cols.features(),
                cols.target(), schema.columnNames(), options).fit(c.checkpoints(), c.resumeFrom());
    }

    private static int column(DatasetSchema schema, String name, String option, String target) {
        if (name == null) {
            return -1;
        }
        if (!schema.columnNames().contains(name)) {
            throw new BadInputException(option + ": unknown column '" + name + "' in dataset '" + schema.name()
                    + "'; its columns are " + String.join(", ", schema.columnNames()));
        }
        if (name.equals(target)) {
            throw new BadInputException(option + ": column '" + name + "' is the target");
        }
        int i = schema.columnIndex(name);
        if (schema.columns().get(i).kind() != ColumnKind.NUMERIC) {
            throw new BadInputException(option + ": column '" + name + "' is categorical; it must be numeric");
        }
        return i;
    }
}
