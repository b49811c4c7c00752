package io.gridlearn.cli;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.Learners;
import io.gridlearn.runtime.MemberFit;
import io.gridlearn.runtime.MemberFits;
import io.gridlearn.runtime.OptionValues;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fit ALGORITHM}: any learner of the runtime's registry. The options common to every fit are declared
 * here; each learner's own options are added from its {@link LearnerOption}s when the command line is built
 * ({@link #addLearnerOptions}), parsed with their types, and handed to the learner, which validates them. An
 * option that the chosen learner does not take is refused.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Train a model.")
final class FitCommand extends GridCommand {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "The learner (see the list below).")
    String algorithm;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataSource.Choice data;

    @Option(names = "--target", paramLabel = "COL", description = "Target column (default: the last column).")
    String target;

    @Option(names = "--features", split = ",", paramLabel = "A,B,...", description = "Feature columns (default: every column but the target).")
    List<String> features;

    @Option(names = "--resume", description = "Iterative learners: continue from the latest checkpoint of --name.")
    boolean resume;

    @Option(names = "--live", description = "Linear family and kmeans: keep the model current as rows are appended, removed or replaced.")
    boolean live;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the split, folds and samplers (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--missing", defaultValue = "error", paramLabel = "error|skip|mean",
            description = "NaN, infinity or empty cells: error (default; names the count of rows), skip (leave those rows out) "
                    + "or mean (fill a feature with the mean of its finite training values, stored in the model and used by "
                    + "predict and evaluate; a missing target is still an error). skip: every learner; mean: linear "
                    + "family only.")
    String missing;

    @Option(names = "--name", paramLabel = "MODEL", description = "Model name in the store (default DATASET-ALGORITHM).")
    String name;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the model JSON to this file.")
    Path out;

    @Option(names = "--block-size", defaultValue = "4096", paramLabel = "ROWS", description = "Rows per block when loading --csv.")
    int blockSize;

    @picocli.CommandLine.Mixin
    ModelKey modelKey = new ModelKey();

    @Option(names = "--driver", defaultValue = "member", paramLabel = "member|client",
            description = "Through a thin client (--cluster): where the fit's merges, solves and iterations run. member "
                    + "(default): on a member of the grid, which keeps fitting if this process goes away (follow it "
                    + "again with gridlearn attach NAME); client: in this process. An embedded grid's fit runs in "
                    + "this process either way.")
    String driver;

    private LearnerSpec learnerSpec;
    private Map<String, Object> optionValues;
    private byte[] outKey;

    /** Adds every registered learner's options to the {@code fit} command, and lists the learners in its help. */
    static void addLearnerOptions(CommandSpec fit) {
        Map<String, List<String>> algorithmsByFlag = new LinkedHashMap<>();
        Map<String, LearnerOption> byFlag = new LinkedHashMap<>();
        Map<String, List<String>> descriptions = new LinkedHashMap<>();
        StringBuilder footer = new StringBuilder("%nAlgorithms and their options:%n");
        for (Learner learner : Learners.all()) {
            String names = String.join(", ", learner.algorithms());
            List<String> flags = new ArrayList<>();
            for (LearnerOption o : learner.options()) {
                LearnerOption before = byFlag.putIfAbsent(o.flag(), o);
                if (before != null && (before.type() != o.type() || !before.name().equals(o.name()))) {
                    throw new IllegalStateException("learners disagree on option " + o.flag() + ": " + before + " and " + o);
                }
                algorithmsByFlag.computeIfAbsent(o.flag(), f -> new ArrayList<>()).addAll(learner.algorithms());
                List<String> d = descriptions.computeIfAbsent(o.flag(), f -> new ArrayList<>());
                String text = o.description();
                if (d.stream().noneMatch(x -> x.endsWith(text))) {
                    d.add(names + ": " + text);
                }
                flags.add(o.flag() + (o.type() == LearnerOption.Type.SWITCH ? "" : "\u00a0" + o.label()));
            }
            footer.append(wrap(names + ": " + learner.description(), "  ", "      "));
            footer.append(wrap(flags.isEmpty() ? "(no options of its own)" : String.join(", ", flags), "    ", "    "));
        }
        for (Map.Entry<String, LearnerOption> e : byFlag.entrySet()) {
            LearnerOption o = e.getValue();
            List<String> d = descriptions.get(e.getKey());
            String description = d.size() == 1 ? o.description() : String.join(" ", d);
            OptionSpec.Builder b = OptionSpec.builder(o.flag()).type(o.type().javaType())
                    .description(description.replace("%", "%%"));
            if (o.type() == LearnerOption.Type.SWITCH) {
                b.arity("0");
            } else {
                b.paramLabel(o.label());
            }
            fit.addOption(b.build());
        }
        fit.usageMessage().description("Train a model: " + String.join(", ", Learners.algorithms()) + ".");
        fit.usageMessage().footer(footer.toString());
    }

    /** Words wrapped to 79 columns, the first line after {@code first}, the others after {@code rest}, for a help footer. */
    private static String wrap(String text, String first, String rest) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 79 && line.length() > rest.length()) {
                out.append(line.toString().stripTrailing()).append("%n");
                line = new StringBuilder(rest);
            }
            line.append(word.replace("%", "%%")).append(' ');
        }
        return out.append(line.toString().stripTrailing()).append("%n").toString().replace('\u00a0', ' ');
    }

    @Override
    void validate() {
        Learner learner = Learners.forAlgorithm(algorithm);
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> own = new ArrayList<>();
        for (LearnerOption o : learner.options()) {
            own.add(o.flag());
        }
        for (Learner other : Learners.all()) {
            for (LearnerOption o : other.options()) {
                Object v = spec.findOption(o.flag()).getValue();
                if (v == null || values.containsKey(o.name())) {
                    continue;
                }
                if (!own.contains(o.flag())) {
                    throw new BadInputException(o.flag() + " is not an option of fit " + algorithm
                            + (own.isEmpty() ? "" : " (its options: " + String.join(", ", own) + ")"));
                }
                values.put(o.name(), v);
            }
        }
        if (target != null) {
            values.put("target", target);
        }
        if (features != null) {
            values.put("features", features);
        }
        values.put("seed", seed);
        values.put("missing", missing);
        if (live) {
            values.put("live", true);
        }
        learnerSpec = learner.spec(algorithm, new OptionValues(values));
        optionValues = values;
        if (!"member".equals(driver) && !"client".equals(driver)) {
            throw new BadInputException("--driver must be member or client, was " + driver);
        }
        if (out != null) {
            outKey = modelKey.key(); // an unreadable key file fails before a grid starts
        }
        if (name != null) {
            ModelStore.checkName(name);
        }
    }

    @Override
    void run(HazelcastInstance hz) {
        DataSource.using(data, hz, blockSize, err(), dataset -> {
            String modelName = name != null ? name : ModelStore.checkName(dataset + "-" + algorithm);
            ModelDocument published = "member".equals(driver) && !(hz.getLocalEndpoint() instanceof Member)
                    ? MemberFits.run(hz, new MemberFit(algorithm, optionValues, dataset, modelName, resume),
                            learnerSpec.resumable(), err(), true)
                    : FitDriver.fit(hz, dataset, modelName, learnerSpec, new FitControl(resume, null, err(), null, true));
            if (published.summary() != null && Boolean.FALSE.equals(published.summary().get("converged"))) {
                err().println("gridlearn: warning: " + modelName + " did not converge in "
                        + published.summary().get("iteration") + " iterations; it is published as version "
                        + published.version() + " with summary.converged = false (continue it with --resume and a "
                        + "larger --max-iter)");
            }
            report(published);
            return null;
        });
    }

    private void report(ModelDocument published) {
        if (out != null) {
            ModelJson.write(published, out, outKey);
        }
        if (json) {
            out().println(ModelJson.write(published));
        } else {
            print(out(), published);
        }
    }

    /** A published model as {@code fit} prints it without {@code --json}. */
    static void print(PrintStream o, ModelDocument published) {
        if (published.coefficients() != null) {
            printText(o, published);
        } else {
            o.printf("model %s version %d: %s on %s%n", published.name(), published.version(),
                    published.algorithm(), published.provenance().get("dataset"));
            if (published.metrics() != null) { // PCA has none
                published.metrics().forEach((k, v) -> o.println("  " + k + ": " + v));
            }
            printImportance(o, published);
        }
    }

    /**
     * A tree model's {@code importance} field as a table, the features by total gain, largest first (ties in
     * feature order): mean gain, mean cover, splits (XGBoost's gain, cover and weight) and the total gain's share.
     */
    private static void printImportance(PrintStream o, ModelDocument m) {
        if (!(m.extension("importance") instanceof Map<?, ?> imp)) {
            return;
        }
        double[] gain = numbers(imp.get("gain"));
        double[] cover = numbers(imp.get("cover"));
        double[] freq = numbers(imp.get("frequency"));
        double[] total = numbers(imp.get("totalGain"));
        int d = m.features().size();
        if (gain == null || cover == null || freq == null || total == null || total.length != d) {
            return;
        }
        double sum = 0;
        for (double v : total) {
            sum += v;
        }
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            order.add(j);
        }
        order.sort((a, b) -> Double.compare(total[b], total[a]));
        o.println("  feature importance (by total gain):");
        o.printf("  %-20s %14s %14s %8s %8s%n", "feature", "gain", "cover", "splits", "share");
        for (int j : order) {
            o.printf("  %-20s %14s %14s %8s %8s%n", m.features().get(j), Output.num(gain[j]),
                    Output.num(cover[j]), Output.num(freq[j]),
                    sum > 0 ? String.format("%.1f%%", 100 * total[j] / sum) : "");
        }
    }

    /** A JSON array of numbers (a {@code double[]} in a model made in this process). */
    private static double[] numbers(Object o) {
        if (o instanceof double[] a) {
            return a;
        }
        if (o instanceof List<?> l) {
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(l.get(i) instanceof Number x)) {
                    return null;
                }
                a[i] = x.doubleValue();
            }
            return a;
        }
        return null;
    }

    private static void printText(PrintStream o, ModelDocument m) {
        o.printf("model %s version %d: %s on %s, target %s%n", m.name(), m.version(), m.algorithm(),
                m.provenance().get("dataset"), m.target());
        o.printf("  %-20s %16s %14s%n", "term", "estimate", "std. error");
        o.printf("  %-20s %16s %14s%n", "(intercept)", m.intercept() == null ? "" : Output.num(m.intercept()),
                m.interceptStandardError() == null ? "" : Output.num(m.interceptStandardError()));
        for (int j = 0; j < m.features().size(); j++) {
            o.printf("  %-20s %16s %14s%n", m.features().get(j), Output.num(m.coefficients()[j]),
                    m.standardErrors() == null ? "" : Output.num(m.standardErrors()[j]));
        }
        for (Map.Entry<String, Map<String, Double>> e : m.metrics().entrySet()) {
            StringBuilder sb = new StringBuilder("  " + e.getKey() + ":");
            e.getValue().forEach((k, v) -> sb.append(' ').append(k).append('=').append(Output.num(v)));
            o.println(sb);
        }
    }
}
