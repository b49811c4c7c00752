package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.LocalScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "predict", description = {
        "Score data with a model:",
        "  predict --model-file F --csv IN --out OUT.csv            locally, no grid",
        "  predict (--model NAME | --model-file F) --data D --into D2   in the grid, next to the data",
        "  predict (--model NAME | --model-file F) --data D --into-map M   a dataset from a host map: predictions",
        "      into map M under the source keys, written by the members that hold the rows",
        "A model that reads columns besides its features (an offset) needs them in the data, by name."})
final class PredictCommand extends GridCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource model;

    @Option(names = "--csv", paramLabel = "IN", description = "CSV to score locally.")
    Path csv;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "Where local predictions go.")
    Path out;

    @Option(names = "--data", paramLabel = "DATASET", description = "Dataset to score in the grid.")
    String dataset;

    @Option(names = "--into", paramLabel = "DATASET2", description = "New dataset for the grid predictions.")
    String into;

    @Option(names = "--into-map", paramLabel = "MAP", description = "For a dataset built with load --from-map: "
            + "write each row's prediction (a Double) into this map under the row's key in the source map.")
    String intoMap;

    @Option(names = "--type", paramLabel = "response|link", defaultValue = "response", description = "Scale of the"
            + " predictions (default: ${DEFAULT-VALUE}): response, on the response's scale (a mean g⁻¹(η), a value, a"
            + " label, a cluster); link, the linear predictor η = b0 + x·b (+ offset) of a model with a link scale;"
            + " refused, naming the algorithm, for a model without one.")
    String type;

    @picocli.CommandLine.Mixin
    ModelKey modelKey = new ModelKey();

    private ModelDocument fileModel;

    @Override
    public Integer call() {
        PredictionType t = PredictionType.of(type);
        if (csv != null) {
            if (out == null || model.file == null || dataset != null || into != null || intoMap != null) {
                throw new BadInputException("local prediction is: predict --model-file F --csv IN --out OUT.csv");
            }
            ModelDocument m = modelKey.read(model.file, err());
            long[] counts = LocalScoring.scoreCsv(m, csv, out, t);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("rows", counts[0]);
            doc.put("rowsWithMissingFeatures", counts[1]);
            doc.put("out", out.toString());
            doc.put("type", t.id());
            report(doc);
            return 0;
        }
        if (dataset == null || (into == null) == (intoMap == null)) {
            throw new BadInputException("give --csv IN --out OUT.csv (local), or --data DATASET with one of --into "
                    + "DATASET2 and --into-map MAP (grid)");
        }
        if (model.file != null) {
            fileModel = modelKey.read(model.file, err());
            Predictors.of(fileModel, t); // a bad file or scale fails before a grid starts
        }
        return super.call();
    }

    @Override
    void run(HazelcastInstance hz) {
        ModelDocument m = fileModel != null ? fileModel : model.load(hz);
        PredictionType t = PredictionType.of(type);
        if (intoMap != null) {
            report(GridScoring.predictIntoMap(hz, m, dataset, intoMap, t));
            return;
        }
        DatasetSchema s = GridScoring.predictInto(hz, m, dataset, into, t);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", s.name());
        doc.put("rows", s.rows());
        doc.put("columns", s.columnNames());
        doc.put("type", t.id());
        report(doc);
    }

    private void report(Map<String, Object> doc) {
        if (json) {
            Output.json(out(), doc);
        } else {
            out().println("predicted " + doc);
        }
    }
}
