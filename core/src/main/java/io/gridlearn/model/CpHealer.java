package io.gridlearn.model;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.cp.CPGroup;
import com.hazelcast.cp.CPMember;
import com.hazelcast.cp.CPSubsystemManagementService;
import com.hazelcast.cp.event.CPGroupAvailabilityEvent;
import com.hazelcast.cp.event.CPGroupAvailabilityListener;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the model store's CP Subsystem at its configured number of CP members, on the members themselves
 * (issue 15, approach (b)). Hazelcast 5.4 community replaces no lost CP member by itself: a crashed CP member
 * stays in its Raft groups until {@code missing-cp-member-auto-removal-seconds} (4 hours by default), so a second
 * loss in that time costs a group of three its majority. Every gridlearn member runs this listener (registered by
 * {@code GridConfigs.applyGridlearn}, also for a node started from {@code --config FILE}); when the membership
 * changes it reconciles, on one background thread of its own:
 *
 * <ol>
 *   <li>the oldest member (Hazelcast's master) removes every CP member that is no longer in the cluster
 *       ({@code CPSubsystemManagementService.removeCPMember});</li>
 *   <li>while fewer live CP members than configured remain, the oldest member that is not a CP member promotes
 *       itself ({@code promoteToCPMember()} promotes the local member only, which is why this runs on members and
 *       not from a client). Hazelcast then adds it to every CP group that is short of members.</li>
 * </ol>
 *
 * <p>Both steps are idempotent and recomputed from the grid's state on every attempt, so a call that races a
 * leader change or another membership change ({@code MemberLeftException}, {@code IllegalStateException} "there
 * is an ongoing membership change", a timeout while a leader is elected) is simply tried again, with exponential
 * backoff from {@value #FIRST_BACKOFF_MS} ms to {@value #MAX_BACKOFF_MS} ms, at most {@value #MAX_ATTEMPTS} times per
 * membership change.
 *
 * <p>CP member UUIDs are not cluster member UUIDs on 5.4 (a CP member gets its own UUID), so a CP member is matched
 * to a cluster member by address. A member restarted at the same address is a new process and not a CP member,
 * though: so every CP member also records its pair of ids (cluster member UUID, CP member UUID) in the map
 * {@code gridlearn.cp-members}, and a CP id whose cluster member has left counts as missing whatever the address.
 *
 * <p>When a CP group that the store uses (the metadata group or the default group) loses its majority at once,
 * Raft cannot recover it: this listener then switches the grid's model store to the partitioned map, once
 * ({@link ModelStoreMode#switchToMap}). A member configured with no CP members (the small-grid mode) makes that
 * choice at start, so that no client ever uses the CP Subsystem's unsafe mode.
 */
public final class CpHealer implements MembershipListener, LifecycleListener, CPGroupAvailabilityListener,
        HazelcastInstanceAware {
    private static final Logger LOG = Logger.getLogger(CpHealer.class.getName());
    static final long FIRST_BACKOFF_MS = 100;
    static final long MAX_BACKOFF_MS = 2_000;
    static final int MAX_ATTEMPTS = 40;
    /** How long one management call may take before it counts as a failed attempt. */
    static final long CALL_TIMEOUT_MS = 10_000;

    /** How long the lost group gets to answer before the store leaves CP. */
    static final long PROBE_TIMEOUT_MS = 5_000;
    /** A CP object in the default group, only ever read, to ask that group whether it still answers. */
    private static final String PROBE = "gridlearn.cp-probe";

    private volatile HazelcastInstance hz;
    /** One thread; a membership change queued while a reconcile runs is coalesced into one more run. */
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "gridlearn-cp-healer");
                t.setDaemon(true);
                return t;
            });
    /** The switch to the map store, apart from the healing thread that may be stuck on a CP call meanwhile. */
    private final ExecutorService switcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "gridlearn-model-store-switch");
                t.setDaemon(true);
                return t;
            });
    private final AtomicBoolean queued = new AtomicBoolean();

    /** Hazelcast instantiates one per member from the configuration's class name. */
    public CpHealer() {
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.hz = instance;
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        schedule();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        schedule();
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        switch (event.getState()) {
            case STARTED -> {
                if (hz != null && hz.getConfig().getCPSubsystemConfig().getCPMemberCount() == 0) {
                    // the small-grid mode: the map store from the start, rather than CP's unsafe mode. Done here,
                    // before newHazelcastInstance returns (STARTED is fired on the starting thread), so that no
                    // store call can reach CP first
                    try {
                        ModelStoreMode.switchToMap(hz, ModelStoreMode.SMALL_GRID);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "could not record the small-grid mode's map store: " + e, e);
                    }
                }
                schedule();
            }
            case SHUTTING_DOWN -> {
                worker.shutdownNow();
                switcher.shutdownNow();
            }
            default -> {
            }
        }
    }

    @Override
    public void availabilityDecreased(CPGroupAvailabilityEvent event) {
        schedule();
    }

    @Override
    public void majorityLost(CPGroupAvailabilityEvent event) {
        String group = event.getGroupId().getName();
        if (hz == null || !(event.isMetadataGroup() || CPGroup.DEFAULT_GROUP_NAME.equals(group))) {
            return;
        }
        String reason = "the CP group '" + group + "' lost " + event.getUnavailableMembers().size() + " of its "
                + event.getGroupMembers().size() + " members at once (its majority)";
        try {
            switcher.execute(() -> {
                try {
                    if (stillAnswers(event.isMetadataGroup())) {
                        LOG.info("the CP group '" + group + "' reported a lost majority but still answers; "
                                + "the model store stays on CP");
                        return;
                    }
                    ModelStoreMode.switchToMap(hz, reason);
                } catch (RuntimeException e) {
                    if (running()) {
                        LOG.log(Level.WARNING, "could not switch the model store to the map: " + e, e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * Asks the group once, within {@value #PROBE_TIMEOUT_MS} ms: a group whose members left gracefully (removed
     * from CP by Hazelcast as they went) can be reported as short of its majority while it still serves.
     */
    private boolean stillAnswers(boolean metadata) {
        java.util.concurrent.CompletableFuture<Object> probe = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> metadata
                        ? hz.getCPSubsystem().getCPSubsystemManagementService().getCPGroupIds()
                                .toCompletableFuture().join()
                        : hz.getCPSubsystem().getAtomicLong(PROBE).get());
        try {
            probe.get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            probe.cancel(true);
            return false;
        }
    }

    private void schedule() {
        if (hz == null || worker.isShutdown() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                reconcileWithRetries();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // shutting down
        }
    }

    private void reconcileWithRetries() {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (!running()) {
                return;
            }
            try {
                if (reconcile()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a leader change, a member leaving mid-call, a membership change in progress: try again
                LOG.log(Level.FINE, "CP healing attempt " + attempt + " failed, retrying", e);
            }
            if (queued.get()) {
                return; // a newer membership change is queued and will reconcile from its state
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        LOG.warning("the CP Subsystem could not be restored to its configured CP members after " + MAX_ATTEMPTS
                + " attempts; it is retried on the next membership change");
    }

    private boolean running() {
        HazelcastInstance h = hz;
        return h != null && h.getLifecycleService().isRunning() && !worker.isShutdown();
    }

    /**
     * One pass: record this member's CP identity, remove missing CP members (on the oldest member), promote this
     * member (if it is the oldest AP member and CP members are short).
     *
     * @return true when this member has nothing (more) to do
     */
    boolean reconcile() throws Exception {
        HazelcastInstance h = hz;
        int wanted = h.getConfig().getCPSubsystemConfig().getCPMemberCount();
        if (wanted == 0 || ModelStoreMode.switched(h) != null) {
            return true; // no CP, or the store has left CP for good
        }
        CPSubsystemManagementService cp = h.getCPSubsystem().getCPSubsystemManagementService();
        if (!cp.awaitUntilDiscoveryCompleted(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            return false; // the first CP members have not formed yet (too few members so far)
        }
        IMap<String, String> identities = h.getMap(GridConfigs.CP_IDENTITY_MAP);
        List<Member> members = new ArrayList<>(h.getCluster().getMembers()); // oldest first
        Member local = h.getCluster().getLocalMember();
        CPMember self = cp.getLocalCPMember();
        if (self != null) {
            identities.set(local.getUuid().toString(), self.getUuid().toString());
        }
        Set<Address> live = new HashSet<>();
        Set<String> liveUuids = new HashSet<>();
        for (Member m : members) {
            live.add(m.getAddress());
            liveUuids.add(m.getUuid().toString());
        }
        // CP identities of cluster members that have left: gone, even if a new process took their address
        Set<String> goneCp = new HashSet<>();
        Map<String, String> known = identities.getAll(identities.keySet());
        for (Map.Entry<String, String> e : known.entrySet()) {
            if (!liveUuids.contains(e.getKey())) {
                goneCp.add(e.getValue());
            }
        }
        Collection<CPMember> cpMembers = cp.getCPMembers().toCompletableFuture()
                .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<CPMember> missing = new ArrayList<>();
        Set<String> activeCp = new HashSet<>();
        for (CPMember c : cpMembers) {
            activeCp.add(c.getUuid().toString());
            if (!live.contains(c.getAddress()) || goneCp.contains(c.getUuid().toString())) {
                missing.add(c);
            }
        }
        boolean master = members.get(0).equals(local);
        boolean done = true;
        if (master) {
            for (CPMember c : missing) {
                LOG.info("removing lost CP member " + c.getAddress() + " (CP id " + c.getUuid()
                        + ") from the CP Subsystem");
                cp.removeCPMember(c.getUuid()).toCompletableFuture().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                done = false; // look again: the removal may have raced another change
            }
            // forget identities of members that left and are no longer CP members
            for (Map.Entry<String, String> e : known.entrySet()) {
                if (!liveUuids.contains(e.getKey()) && !activeCp.contains(e.getValue())) {
                    identities.delete(e.getKey());
                }
            }
        }
        int liveCp = cpMembers.size() - missing.size();
        if (liveCp < wanted && self == null) {
            Set<Address> liveCpAddresses = new HashSet<>();
            for (CPMember c : cpMembers) {
                if (!missing.contains(c)) {
                    liveCpAddresses.add(c.getAddress());
                }
            }
            Member oldestAp = null;
            for (Member m : members) {
                if (!liveCpAddresses.contains(m.getAddress())) {
                    oldestAp = m;
                    break;
                }
            }
            if (local.equals(oldestAp)) {
                LOG.info("promoting this member (" + local.getAddress() + ") to the CP Subsystem: " + liveCp + " of "
                        + wanted + " CP members are left");
                cp.promoteToCPMember().toCompletableFuture().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                done = false; // record the new identity on the next pass
            }
        }
        return done;
    }
}
