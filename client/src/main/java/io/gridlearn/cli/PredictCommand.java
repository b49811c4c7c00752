package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.LocalScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "predict", description = {
        "Score data with a model:",
        "  predict --model-file F --csv IN --out OUT.csv            locally, no grid",
        "  predict (--model NAME | --model-file F) --data D --into D2   in the grid, next to the data"})
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

    @Override
    public Integer call() {
        if (csv != null) {
            if (out == null || model.file == null || dataset != null || into != null) {
                throw new BadInputException("local prediction is: predict --model-file F --csv IN --out OUT.csv");
            }
            ModelDocument m = ModelJson.read(model.file);
            long[] counts = LocalScoring.scoreCsv(m, csv, out);
            report(Map.of("rows", counts[0], "rowsWithMissingFeatures", counts[1], "out", out.toString()));
            return 0;
        }
        if (dataset == null || into == null) {
            throw new BadInputException("give --csv IN --out OUT.csv (local) or --data DATASET --into DATASET2 (grid)");
        }
        if (model.file != null) {
            ModelJson.read(model.file);
        }
        return super.call();
    }

    @Override
    void run(HazelcastInstance hz) {
        ModelDocument m = model.load(hz);
        DatasetSchema s = GridScoring.predictInto(hz, m, dataset, into);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", s.name());
        doc.put("rows", s.rows());
        doc.put("columns", s.columnNames());
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
