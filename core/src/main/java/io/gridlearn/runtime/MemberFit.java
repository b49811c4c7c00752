package io.gridlearn.runtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.topic.ITopic;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.OptionException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A fit whose driver runs on a member: the executor task a thin client submits ({@link MemberFits}). On the
 * member it rebuilds the learner's spec from the algorithm's name and the option values the caller gave (the
 * same registry the caller validated them with), and runs {@link FitDriver#fit} with the member's own instance,
 * so the merges, the solves and the iteration control run where the JIT is warm and next to the data; the
 * caller only waits for the published model.
 *
 * <p>While it runs, the fit holds the entry of its model name in the map {@value #REGISTRY}
 * ({@code running <member uuid> <start ms> <submission>}): a second fit of the same name is refused while the
 * holder is a member of the cluster (a copy of the same submission is told {@code same} and its caller follows
 * the running fit), {@code gridlearn attach NAME} finds the fit there, and a caller asks it to stop at its next
 * complete checkpoint by turning the entry into {@code cancel …}. The fit ends by leaving
 * {@code done <version> <submission>} or {@code failed <exit> <submission> <message>} there for ten minutes, for
 * callers that attach late. Progress lines (one per checkpoint, as the command line prints them) go to the topic {@value #PROGRESS}
 * as {@code NAME<tab>line}.
 *
 * <p>The result is one string: {@code ok} and the published model's JSON, or {@code bad-input} / {@code failed}
 * and one line for the user: gridlearn's own failures travel as text because a thin client cannot rebuild
 * gridlearn's exception classes from Hazelcast's error codes. Anything else is thrown and reaches the caller as
 * Hazelcast reports it; when the driver's own member leaves, that is the caller's cue to submit the fit again.
 */
public final class MemberFit implements Callable<String>, HazelcastInstanceAware, IdentifiedDataSerializable {
    /** The map of fits in progress, by model name. */
    public static final String REGISTRY = "gridlearn.running-fits";
    /** The topic of progress lines. */
    public static final String PROGRESS = "gridlearn.fit-progress";
    /** How long a finished fit's outcome stays in the registry. */
    static final long OUTCOME_TTL_SECONDS = 600;

    private String algorithm;
    private Map<String, Object> options;
    private String dataset;
    private String name;
    private boolean resume;
    /** Submitted again after the previous driver member left: first let the partitions settle. */
    private boolean settle;
    /** The id of the command's fit, the same for its resubmissions: a copy of a running submission is not a rival. */
    private String submission;
    private transient HazelcastInstance hz;

    /** For Hazelcast's factory. */
    public MemberFit() {
    }

    /**
     * @param algorithm the learner's algorithm name, as {@code fit ALGORITHM} takes it
     * @param options   the option values by Java name, of the types {@link OptionValues} reads (Double, Integer,
     *                  Long, String, Boolean, a list of strings)
     * @param dataset   the dataset's name
     * @param name      the model's name
     * @param resume    continue from the latest checkpoint of {@code name}
     */
    public MemberFit(String algorithm, Map<String, Object> options, String dataset, String name, boolean resume) {
        this.algorithm = algorithm;
        this.options = new LinkedHashMap<>(options);
        this.dataset = dataset;
        this.name = name;
        this.resume = resume;
        this.submission = UUID.randomUUID().toString();
    }

    /**
     * The same fit with another resume flag, submitted again after its driver member was lost: it first waits
     * until the partitions' backups are in sync.
     *
     * @param resume continue from the latest checkpoint
     * @return a new task
     */
    public MemberFit resuming(boolean resume) {
        MemberFit again = new MemberFit(algorithm, options, dataset, name, resume);
        again.settle = true;
        again.submission = submission;
        return again;
    }

    /**
     * @return the model's name
     */
    public String name() {
        return name;
    }

    /**
     * @return the id shared by this fit's submissions, as its registry entry names it
     */
    public String submission() {
        return submission;
    }

    /**
     * @return true when the fit continues from the latest checkpoint of its model name
     */
    public boolean resumeRequested() {
        return resume;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public String call() {
        if (settle) {
            awaitSafe();
        }
        IMap<String, String> running = hz.getMap(REGISTRY);
        String me = hz.getCluster().getLocalMember().getUuid().toString();
        String refused = claim(running, "running " + me + " " + System.currentTimeMillis() + " " + submission);
        if (refused != null) {
            return refused;
        }
        ITopic<String> topic = hz.getTopic(PROGRESS);
        PrintStream text = new PrintStream(new Lines(line -> topic.publish(name + '\t' + line)), true,
                StandardCharsets.UTF_8);
        String outcome = null;
        ModelDocument published = null;
        try {
            if (!Learners.algorithms().contains(algorithm)) {
                throw new BadInputException("the members have no learner '" + algorithm + "' (known there: "
                        + String.join(", ", Learners.algorithms()) + "); put its jar on the members' classpath, or fit"
                        + " with --driver client");
            }
            LearnerSpec spec = Learners.forAlgorithm(algorithm).spec(algorithm, new OptionValues(options));
            FitControl control = new FitControl(resume, null, text,
                    () -> String.valueOf(running.get(name)).startsWith("cancel "), false);
            published = FitDriver.fit(hz, dataset, name, spec, control);
        } catch (OptionException e) {
            outcome = "bad-input\n" + e.forCommandLine();
        } catch (BadInputException e) {
            outcome = "bad-input\n" + e.getMessage();
        } catch (GridlearnException e) {
            if (!hz.getLifecycleService().isRunning()) {
                // this member is shutting down: the caller submits the fit again elsewhere
                throw new HazelcastInstanceNotActiveException("the member driving the fit of " + name
                        + " is shutting down: " + e.getMessage());
            }
            outcome = "failed\n" + e.getMessage();
        } catch (RuntimeException | Error e) {
            record(running, "failed 1 " + submission + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } finally {
            text.flush();
        }
        if (outcome == null) {
            record(running, "done " + published.version() + " " + submission);
            return "ok\n" + ModelJson.write(published);
        }
        int nl = outcome.indexOf('\n');
        record(running, "failed " + (outcome.startsWith("bad-input") ? 2 : 1) + " " + submission + " "
                + outcome.substring(nl + 1));
        return outcome;
    }

    /** The fit's outcome, for callers that attach later; best effort: the caller has the result either way. */
    private void record(IMap<String, String> running, String entry) {
        try {
            running.put(name, entry, OUTCOME_TTL_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException lost) {
            // the grid is going away; the returned result (or the exception) still reaches the caller
        }
    }

    /**
     * Waits, at most 30 s, until every partition's backups are in sync: a fit submitted again right after its
     * driver member crashed could otherwise read the grid while the crashed member's partitions are still being
     * promoted from their backups (seen in {@code MemberFitTest}: the dataset's schema not found).
     */
    private void awaitSafe() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!hz.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes the registry entry of the model name. Returns null when taken; {@code same} when a live member runs
     * this very submission (a copy Hazelcast delivered again after the caller's connection dropped, or a
     * resubmission while the old driver is still leaving): the caller then follows that fit; otherwise the
     * refusal.
     */
    private String claim(IMap<String, String> running, String claim) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String held = running.putIfAbsent(name, claim);
            if (held == null) {
                return null;
            }
            String[] p = MemberFits.entry(held);
            if (p != null && (p[0].equals("running") || p[0].equals("cancel"))) {
                if (MemberFits.isMember(hz, p[1])) {
                    return p[3].equals(submission) ? "same\n"
                            : "bad-input\nmodel '" + name + "' is already being fit on member " + p[1]
                            + "; follow it with gridlearn attach " + name + ", or choose another --name";
                }
            }
            if (running.replace(name, held, claim)) { // an outcome, or the claim of a member that left
                return null;
            }
        }
        return "bad-input\nmodel '" + name + "' is being claimed by another fit; try again";
    }

    @Override
    public int getFactoryId() {
        return RuntimeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return RuntimeSerializerHook.MEMBER_FIT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(algorithm);
        out.writeString(dataset);
        out.writeString(name);
        out.writeBoolean(resume);
        out.writeBoolean(settle);
        out.writeString(submission);
        out.writeInt(options.size());
        for (Map.Entry<String, Object> e : options.entrySet()) {
            out.writeString(e.getKey());
            Object v = e.getValue();
            if (v instanceof Double d) {
                out.writeByte('D');
                out.writeDouble(d);
            } else if (v instanceof Integer i) {
                out.writeByte('I');
                out.writeInt(i);
            } else if (v instanceof Long l) {
                out.writeByte('L');
                out.writeLong(l);
            } else if (v instanceof Boolean b) {
                out.writeByte('Z');
                out.writeBoolean(b);
            } else if (v instanceof String s) {
                out.writeByte('S');
                out.writeString(s);
            } else if (v instanceof List<?> list) {
                out.writeByte('A');
                out.writeInt(list.size());
                for (Object x : list) {
                    out.writeString((String) x);
                }
            } else {
                throw new IllegalArgumentException("option " + e.getKey() + " has a value of type "
                        + (v == null ? "null" : v.getClass().getName()) + ", which a member fit cannot carry");
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        algorithm = in.readString();
        dataset = in.readString();
        name = in.readString();
        resume = in.readBoolean();
        settle = in.readBoolean();
        submission = in.readString();
        int n = in.readInt();
        options = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readString();
            byte type = in.readByte();
            Object v = switch (type) {
                case 'D' -> in.readDouble();
                case 'I' -> in.readInt();
                case 'L' -> in.readLong();
                case 'Z' -> in.readBoolean();
                case 'S' -> in.readString();
                case 'A' -> {
                    int size = in.readInt();
                    List<String> list = new ArrayList<>(size);
                    for (int k = 0; k < size; k++) {
                        list.add(in.readString());
                    }
                    yield list;
                }
                default -> throw new IOException("unknown option value type " + type);
            };
            options.put(key, v);
        }
    }

    /** An output stream that hands each complete line, without its line break, to a consumer. */
    private static final class Lines extends OutputStream {
        private final java.util.function.Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                line.reset();
                try {
                    sink.accept(s);
                } catch (RuntimeException lost) {
                    // progress is best effort: a line that cannot be published must not fail the fit
                }
            } else {
                line.write(b);
            }
        }
    }
}
