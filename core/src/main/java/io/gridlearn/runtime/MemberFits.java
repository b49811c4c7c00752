package io.gridlearn.runtime;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.topic.ITopic;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;

import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caller's side of a fit driven by a member ({@link MemberFit}): a thin client submits the fit to a member
 * of the grid's executor {@value #EXECUTOR}, prints the member's progress lines, and waits for the published
 * model. Three things differ from a fit driven by the caller:
 * <ul>
 *   <li>the caller's JVM does no work but waiting, so a command-line process that has just started, its JIT
 *       cold, does not run the merges and solves interpreted;</li>
 *   <li>a caller that goes away (its process killed, its connection lost) does not stop the fit: it runs to the
 *       end on the member and is published; {@link #attach} follows it again by model name. Asking it to stop
 *       (Ctrl-C or SIGTERM of a caller that waits) still stops it at its next complete checkpoint;</li>
 *   <li>when the driver's member leaves mid-fit, the waiting caller submits the fit again, to another member:
 *       an iterative learner resumes from its latest checkpoint (the same bits as an uninterrupted fit), a
 *       one-pass learner starts over.</li>
 * </ul>
 */
public final class MemberFits {
    /** The members' executor that runs fits. */
    public static final String EXECUTOR = "gridlearn.fits";
    /** How often a fit whose driver member left is submitted again. */
    private static final int SUBMISSIONS = 4;

    private MemberFits() {
    }

    /**
     * Runs {@code task} on a member and returns the model it published.
     *
     * @param hz         a client (or member) of the grid
     * @param task       the fit
     * @param resumable  true when the learner checkpoints every iteration, so that a fit whose driver member
     *                   left continues from its latest checkpoint
     * @param progress   where the member's progress lines are printed, or null
     * @param stopOnExit when the caller's JVM is asked to exit, ask the fit to stop at its next complete
     *                   checkpoint and wait (at most 60 s) for it
     * @return the published model, with its name and version
     * @throws BadInputException   for a fit refused for its input or options (the member's message)
     * @throws GridlearnException for a fit that failed or was stopped (the member's message)
     */
    public static ModelDocument run(HazelcastInstance hz, MemberFit task, boolean resumable, PrintStream progress,
                                    boolean stopOnExit) {
        String name = task.name();
        ModelStore store = ModelStore.forInstance(hz);
        long startVersion = store.current(name).map(ModelDocument::version).orElse(0L);
        Runnable stopPrinting = printProgress(hz, name, progress);
        AtomicBoolean exiting = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = stopOnExit ? new Thread(() -> {
            exiting.set(true);
            if (!resumable) {
                if (progress != null) {
                    progress.println(name + ": a one-pass fit cannot stop part way; it continues on the grid (follow"
                            + " it with gridlearn attach " + name + ")");
                }
                return;
            }
            try {
                cancel(hz, name);
                done.await(60, TimeUnit.SECONDS);
            } catch (RuntimeException | InterruptedException e) {
                // the grid is gone or we are interrupted: nothing more to ask
            }
        }, "gridlearn-member-fit-cancel") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            MemberFit next = task;
            java.util.Set<UUID> left = new java.util.HashSet<>();
            for (int submission = 1; ; submission++) {
                Member target = driverFor(hz, name, left);
                // to a member of our choosing: Hazelcast retries an untargeted task on another member by itself
                // when its member leaves, from scratch and at once; the retry below resumes from the checkpoint
                Future<String> f = hz.getExecutorService(EXECUTOR).submitToMember(next, target);
                try {
                    String result = await(hz, f, name, task.submission());
                    if (result != null && !result.startsWith("same\n")) {
                        return outcome(result);
                    }
                    // "same": this submission runs already (a copy delivered again); null: its member left
                    ModelDocument followed = result == null ? null : follow(hz, name, task.submission());
                    if (followed != null) {
                        return followed;
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (!driverLeft(cause)) {
                        throw cause instanceof RuntimeException r ? r : new GridlearnException(cause.getMessage(), cause);
                    }
                    // our connection may have dropped while the fit runs on: then follow it
                    ModelDocument followed = follow(hz, name, task.submission());
                    if (followed != null) {
                        return followed;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GridlearnException("interrupted while waiting for the fit of " + name);
                }
                left.add(target.getUuid());
                if (exiting.get() || submission == SUBMISSIONS) {
                    throw new GridlearnException("the members driving the fit of " + name + " left " + submission
                            + " times; check the members, then run the command again with --resume");
                }
                long now = store.current(name).map(ModelDocument::version).orElse(0L);
                boolean fromCheckpoint = task.resumeRequested() || resumable && now > startVersion;
                next = task.resuming(fromCheckpoint);
                if (progress != null) {
                    progress.println(name + ": the member driving this fit left; "
                            + (fromCheckpoint ? "resuming from version " + now : "starting it again")
                            + " on another member");
                }
            }
        } finally {
            done.countDown();
            stopPrinting.run();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it was what stopped us
                }
            }
        }
    }

    /**
     * Follows the fit of model {@code name} that a member drives, to its end, printing its progress lines.
     *
     * @param hz       a client (or member) of the grid
     * @param name     the model's name
     * @param progress where progress lines are printed, or null
     * @return the model the fit published; when no fit of that name is running or finished in the last ten
     *         minutes, the model's latest version
     * @throws BadInputException   when there is neither such a fit nor such a model, or the fit was refused
     * @throws GridlearnException for a fit that failed or was stopped, or whose driver member left
     */
    public static ModelDocument attach(HazelcastInstance hz, String name, PrintStream progress) {
        ModelStore.checkName(name);
        IMap<String, String> running = hz.getMap(MemberFit.REGISTRY);
        ModelStore store = ModelStore.forInstance(hz);
        Runnable stopPrinting = printProgress(hz, name, progress);
        try {
            while (true) {
                String[] entry = entry(running.get(name));
                if (entry == null || entry[0].equals("done")) {
                    return store.current(name).orElseThrow(() -> new BadInputException("no fit of model '" + name
                            + "' is running and there is no such model (gridlearn models lists them)"));
                }
                if (entry[0].equals("failed")) {
                    throw "2".equals(entry[1]) ? new BadInputException(entry[3]) : new GridlearnException(entry[3]);
                }
                String holder = entry[1];
                if (!isMember(hz, holder)) {
                    long v = store.current(name).map(ModelDocument::version).orElse(0L);
                    throw new GridlearnException("the member that drove the fit of " + name + " left the grid"
                            + (v > 0 ? " after version " + v : "") + "; run the fit command again (with --resume to"
                            + " continue an iterative fit from its latest checkpoint)");
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while following the fit of " + name);
        } finally {
            stopPrinting.run();
        }
    }

    /**
     * Asks the running fit of model {@code name} to stop at its next complete checkpoint.
     *
     * @param hz   a client (or member) of the grid
     * @param name the model's name
     * @return true when a running fit was asked, false when none of that name runs
     */
    public static boolean cancel(HazelcastInstance hz, String name) {
        IMap<String, String> running = hz.getMap(MemberFit.REGISTRY);
        for (int attempt = 0; attempt < 10; attempt++) {
            String entry = running.get(name);
            if (entry == null || !entry.startsWith("running ")) {
                return entry != null && entry.startsWith("cancel ");
            }
            // the same fields, so the fit and its followers still recognise their submission
            if (running.replace(name, entry, "cancel " + entry.substring("running ".length()))) {
                return true;
            }
        }
        return false;
    }

    private static ModelDocument outcome(String result) {
        int nl = result.indexOf('\n');
        String kind = result.substring(0, nl);
        String rest = result.substring(nl + 1);
        return switch (kind) {
            case "ok" -> ModelJson.read(rest, "the member's fit");
            case "bad-input" -> throw new BadInputException(rest);
            default -> throw new GridlearnException(rest);
        };
    }

    /** Prints the progress lines of the fit of {@code name} until the returned action runs; nothing for null. */
    private static Runnable printProgress(HazelcastInstance hz, String name, PrintStream progress) {
        if (progress == null) {
            return () -> { };
        }
        ITopic<String> topic = hz.getTopic(MemberFit.PROGRESS);
        UUID listener = topic.addMessageListener(m -> print(progress, name, m.getMessageObject()));
        return () -> {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException gone) {
                // the client is shutting down
            }
        };
    }

    private static void print(PrintStream out, String name, String message) {
        int tab = message.indexOf('\t');
        if (tab == name.length() && message.startsWith(name)) {
            out.println(message.substring(tab + 1));
        }
    }

    /** True when {@code t} says the member running the task left or is shutting down. */
    private static boolean driverLeft(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MemberLeftException || c instanceof TargetDisconnectedException
                    || c instanceof TargetNotMemberException || c instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The task's result; null when its member left the cluster while the registry still names this submission
     * as running there (a member that died without the connection telling us yet).
     */
    private static String await(HazelcastInstance hz, Future<String> f, String name, String submission)
            throws ExecutionException, InterruptedException {
        IMap<String, String> running = hz.getMap(MemberFit.REGISTRY);
        while (true) {
            try {
                return f.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                String[] e = entry(running.get(name));
                if (e != null && (e[0].equals("running") || e[0].equals("cancel")) && submission.equals(e[3])
                        && !isMember(hz, e[1])) {
                    f.cancel(false);
                    return null;
                }
            }
        }
    }

    /**
     * Follows this submission's fit through the registry: its model when it ends, null when its member left
     * before it ended (or it never started: nothing of it is there).
     */
    private static ModelDocument follow(HazelcastInstance hz, String name, String submission) {
        IMap<String, String> running = hz.getMap(MemberFit.REGISTRY);
        while (true) {
            String[] e = entry(running.get(name));
            if (e == null || !submission.equals(e[e[0].equals("running") || e[0].equals("cancel") ? 3 : 2])) {
                return null;
            }
            switch (e[0]) {
                case "done" -> {
                    return ModelStore.forInstance(hz).current(name).orElseThrow();
                }
                case "failed" -> throw "2".equals(e[1]) ? new BadInputException(e[3]) : new GridlearnException(e[3]);
                default -> {
                    if (!isMember(hz, e[1])) {
                        return null;
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new GridlearnException("interrupted while following the fit of " + name);
            }
        }
    }

    /**
     * A registry entry's fields: {@code running|cancel, member, start, submission}, {@code done, version,
     * submission} or {@code failed, exit, submission, message}; null for none.
     */
    static String[] entry(String value) {
        if (value == null) {
            return null;
        }
        String[] p = value.split(" ", value.startsWith("done ") ? 3 : 4);
        return p.length < 3 || (!value.startsWith("done ") && p.length < 4) ? null : p;
    }

    /** A member for the fit of {@code name}, not one that left: fits of different names spread over the members. */
    private static Member driverFor(HazelcastInstance hz, String name, java.util.Set<UUID> left) {
        java.util.List<Member> members = new java.util.ArrayList<>(hz.getCluster().getMembers());
        members.removeIf(m -> left.contains(m.getUuid()));
        if (members.isEmpty()) {
            throw new GridlearnException("the grid has no members to run the fit of " + name);
        }
        members.sort(java.util.Comparator.comparing(m -> m.getUuid().toString()));
        return members.get(Math.floorMod(name.hashCode(), members.size()));
    }

    static boolean isMember(HazelcastInstance hz, String uuid) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getUuid().toString().equals(uuid)) {
                return true;
            }
        }
        return false;
    }
}
