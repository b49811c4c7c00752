package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "evaluate", description = {"Metrics of a model on data, computed next to the data: mse, rmse, mae, r2 (regression); accuracy, logLoss, confusion matrix (classifiers);",
        "a learner with an evaluation of its own reports its metrics (generalized linear models: meanDeviance, deviance, rmse, mae and the family's; docs/glm.md)."})
final class EvaluateCommand extends GridCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataSource.Choice data;

    @Option(names = "--block-size", defaultValue = "4096", paramLabel = "ROWS", description = "Rows per block when loading --csv.")
    int blockSize;

    @picocli.CommandLine.Mixin
    ModelKey modelKey = new ModelKey();

    private ModelDocument fileModel;

    @Override
    void validate() {
        if (model.file != null) {
            fileModel = modelKey.read(model.file, err()); // a bad file fails before a grid starts
        }
    }

    @Override
    void run(HazelcastInstance hz) {
        ModelDocument m = fileModel != null ? fileModel : model.load(hz);
        Map<String, Object> metrics = new LinkedHashMap<>();
        String dataset = DataSource.using(data, hz, blockSize, err(), d -> {
            metrics.putAll(GridScoring.evaluateAny(hz, m, d));
            return d;
        });
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", m.name());
            doc.put("version", m.version());
            doc.put("dataset", dataset);
            doc.put("metrics", metrics);
            Output.json(out(), doc);
        } else {
            StringBuilder sb = new StringBuilder(m.name() + " on " + dataset + ":");
            metrics.forEach((k, v) -> sb.append(' ').append(k).append('=')
                    .append(v instanceof Double d ? Output.num(d) : v instanceof long[][] c ? java.util.Arrays.deepToString(c) : v));
            out().println(sb);
        }
    }
}
