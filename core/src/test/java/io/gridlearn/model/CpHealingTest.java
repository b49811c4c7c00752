package io.gridlearn.model;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.cp.CPGroup;
import com.hazelcast.cp.CPMember;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.grid.CpSupport;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model store survives what the data survives (issue 15): CP members lost one after another are replaced by
 * promoted AP members ({@link CpHealer}); a CP group that loses its majority at once makes the grid switch to the
 * map store, rebuilt from the history ({@link ModelStoreMode}). In-process members on Hazelcast's mock network;
 * every wait is on a condition, bounded.
 */
class CpHealingTest {
    /** Bound of every wait on the grid; healing takes well under a second on the mock network. */
    private static final int WAIT_S = 60;
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @BeforeEach
    void needsCp() {
        Assumptions.assumeTrue(CpSupport.available(), "this Hazelcast build has no community CP Subsystem");
    }

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private List<HazelcastInstance> start(int n, int cpMembers, int backups) {
        Config c = TestGrids.config(cpMembers, backups);
        List<HazelcastInstance> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(factory.newHazelcastInstance(c));
        }
        for (HazelcastInstance m : members) {
            HazelcastTestSupport.assertTrueEventually(() -> assertTrue(m.getCPSubsystem()
                    .getCPSubsystemManagementService().isDiscoveryCompleted()), WAIT_S);
        }
        return members;
    }

    private static boolean isCp(HazelcastInstance m) {
        return m.getCPSubsystem().getCPSubsystemManagementService().getLocalCPMember() != null;
    }

    /**
     * The CP members as the metadata group reports them. While the group elects a new leader the query can time
     * out; that is reported as an assertion error, so {@code assertTrueEventually} asks again.
     */
    private static Collection<CPMember> cpMembers(HazelcastInstance m) {
        try {
            return m.getCPSubsystem().getCPSubsystemManagementService().getCPMembers().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the CP members could not be read yet: " + e, e);
        }
    }

    private static CPGroup cpGroup(HazelcastInstance m, String name) {
        try {
            return m.getCPSubsystem().getCPSubsystemManagementService().getCPGroup(name).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the " + name + " CP group could not be read yet: " + e, e);
        }
    }

    /** Asserts that the CP Subsystem has exactly {@code n} members, every one a live member of the cluster. */
    private static void assertCpMembersEventually(List<HazelcastInstance> live, int n) {
        HazelcastTestSupport.assertTrueEventually(() -> {
            Set<Address> addresses = new HashSet<>();
            for (HazelcastInstance m : live) {
                addresses.add(m.getCluster().getLocalMember().getAddress());
            }
            Collection<CPMember> cp = cpMembers(live.get(0));
            assertEquals(n, cp.size(), "CP members " + cp);
            for (CPMember c : cp) {
                assertTrue(addresses.contains(c.getAddress()), "CP member " + c + " is not a live member");
            }
            assertEquals(n, live.stream().filter(CpHealingTest::isCp).count(), "members that know they are CP");
            // The member list can be healed before the Raft groups have taken the promoted member in; a second
            // loss in between would cost a group of three its majority, so healed means the groups too.
            for (String group : List.of(CPGroup.METADATA_CP_GROUP_NAME, CPGroup.DEFAULT_GROUP_NAME)) {
                CPGroup g = cpGroup(live.get(0), group);
                if (g == null) {
                    continue; // the default group exists once something has used it
                }
                assertEquals(Math.min(n, 3), g.members().size(), group + " group " + g.members());
                for (CPMember c : g.members()) {
                    assertTrue(addresses.contains(c.getAddress()), group + " group member " + c + " is not live");
                }
                // ...and every member of the group has its own Raft node, caught up and knowing the membership as
                // committed: a promoted member that has not yet created its node cannot vote, so a loss in that
                // window would still cost the majority
                Set<Long> commitIndices = new HashSet<>();
                for (HazelcastInstance m : live) {
                    if (g.members().stream().noneMatch(c -> c.getAddress().equals(m.getCluster().getLocalMember()
                            .getAddress()))) {
                        continue;
                    }
                    Object node = RaftProbe.node(m, g.id());
                    assertNotNull(node, group + " group has no Raft node yet on " + m.getName());
                    assertEquals(g.members().size(), RaftProbe.committedMembers(node),
                            group + " group membership not committed on " + m.getName());
                    commitIndices.add(RaftProbe.commitIndex(node));
                }
                assertEquals(1, commitIndices.size(), group + " group members' commit indices " + commitIndices);
            }
        }, WAIT_S);
    }

    private static void assertVersions(ModelStore store, String name, long last) {
        assertEquals(last, store.get(name).version());
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(),
                store.history(name).stream().map(ModelDocument::version).toList(), "every version is kept");
        for (ModelDocument d : store.history(name)) {
            assertEquals(d.version() * 10.0, d.intercept(), 0.0, "version " + d.version() + " has its own content");
        }
    }

    @Test
    void lostCpMembersAreReplacedOneAfterAnotherAndTheLastMemberKeepsEveryVersion() throws Exception {
        List<HazelcastInstance> live = start(4, 3, 1);
        List<HazelcastInstance> cp = live.stream().filter(CpHealingTest::isCp).toList();
        HazelcastInstance ap = live.stream().filter(m -> !isCp(m)).findFirst().orElseThrow();
        assertEquals(3, cp.size());
        ModelStore store = ModelStore.forInstance(ap);
        assertEquals("cp-atomic-reference", store.kind());
        store.publish("m", 0, ModelStoreContractTest.model(10, "v1"));

        // the oldest member (Hazelcast's master) is a CP member: its successor must do the removal
        HazelcastInstance first = cp.get(0);
        assertEquals(live.get(0), first);
        first.getLifecycleService().terminate();
        live.remove(first);
        assertCpMembersEventually(live, 3);
        assertTrue(isCp(ap), "the AP member was promoted");
        store.publish("m", 1, ModelStoreContractTest.model(20, "v2"));
        assertVersions(store, "m", 2);

        // a second CP member lost after the first was replaced: the group keeps its majority and heals to what
        // is left (both remaining members are CP members)
        HazelcastInstance second = cp.get(1);
        second.getLifecycleService().terminate();
        live.remove(second);
        assertCpMembersEventually(live, 2);
        store.publish("m", 2, ModelStoreContractTest.model(30, "v3"));
        assertVersions(store, "m", 3);
        assertEquals("cp-atomic-reference", store.kind(), "CP never lost its majority");
        assertNull(ModelStoreMode.switched(ap));

        // down to one member: its group of two has lost its majority, so the grid switches to the map store,
        // which carries every version on
        HazelcastInstance third = live.get(0) == ap ? live.get(1) : live.get(0);
        third.getLifecycleService().terminate();
        live.remove(third);
        HazelcastTestSupport.assertTrueEventually(() -> assertNotNull(ModelStoreMode.switched(ap)), WAIT_S);
        assertEquals("imap-compare-and-set", store.kind());
        assertVersions(store, "m", 3);
        store.publish("m", 3, ModelStoreContractTest.model(40, "v4"));
        assertVersions(store, "m", 4);
    }

    /**
     * A rolling restart on a grid of three, all CP members: a member stopped (gracefully, then one killed) and a new
     * process started at the same address. The new process is not the old CP member, whatever its address: the old
     * one is removed and the new one promoted, so the CP Subsystem is back at three after each restart.
     */
    @Test
    void aMemberRestartedAtTheSameAddressIsPromotedInPlaceOfItsOldSelf() throws Exception {
        Config c = TestGrids.config(3, 1);
        List<HazelcastInstance> live = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            live.add(factory.newHazelcastInstance(c));
        }
        for (HazelcastInstance m : live) {
            HazelcastTestSupport.assertTrueEventually(() -> assertTrue(m.getCPSubsystem()
                    .getCPSubsystemManagementService().isDiscoveryCompleted()), WAIT_S);
        }
        ModelStore store = ModelStore.forInstance(live.get(0));
        store.publish("m", 0, ModelStoreContractTest.model(10, "v1"));
        long version = 1;
        for (boolean graceful : new boolean[] {true, false}) {
            HazelcastInstance old = live.remove(live.size() - 1);
            Address at = old.getCluster().getLocalMember().getAddress();
            if (graceful) {
                old.shutdown();
            } else {
                old.getLifecycleService().terminate();
            }
            HazelcastInstance restarted = factory.newHazelcastInstance(at, c);
            live.add(restarted);
            assertEquals(at, restarted.getCluster().getLocalMember().getAddress());
            assertCpMembersEventually(live, 3);
            assertTrue(isCp(restarted), "the restarted member was promoted");
            store.publish("m", version, ModelStoreContractTest.model((version + 1) * 10, "v" + (version + 1)));
            version++;
            assertVersions(ModelStore.forInstance(restarted), "m", version);
        }
        assertNull(ModelStoreMode.switched(live.get(0)));
    }

    @Test
    void theMembersListenerIsThisClass() {
        assertEquals(CpHealer.class.getName(), io.gridlearn.grid.GridConfigs.CP_HEALER_CLASS);
    }

    @Test
    void aMajorityLostAtOnceSwitchesTheWholeGridToTheMapStoreOnce() {
        // two backups: two members lost at once must not take the history map's entries with them
        List<HazelcastInstance> live = start(4, 3, 2);
        HazelcastInstance ap = live.stream().filter(m -> !isCp(m)).findFirst().orElseThrow();
        List<HazelcastInstance> cp = live.stream().filter(CpHealingTest::isCp).toList();
        ModelStore store = ModelStore.forInstance(ap);
        store.publish("m", 0, ModelStoreContractTest.model(10, "v1"));
        store.publish("m", 1, ModelStoreContractTest.model(20, "v2"));
        store.publish("other", 0, ModelStoreContractTest.model(10, "o1"));

        // two of the three CP members at once: no Raft majority is left to remove or promote anything
        cp.get(0).getLifecycleService().terminate();
        cp.get(1).getLifecycleService().terminate();
        live.remove(cp.get(0));
        live.remove(cp.get(1));

        HazelcastTestSupport.assertTrueEventually(() -> assertNotNull(ModelStoreMode.switched(ap)), WAIT_S);
        for (HazelcastInstance m : live) {
            ModelStore s = ModelStore.forInstance(m);
            assertEquals("imap-compare-and-set", s.kind());
            assertVersions(s, "m", 2);
        }
        assertVersions(store, "m", 2);
        assertEquals(List.of("m", "other"), store.names());
        store.publish("m", 2, ModelStoreContractTest.model(30, "v3"));
        assertVersions(ModelStore.forInstance(live.get(live.size() - 1)), "m", 3);
        assertTrue(ModelStoreMode.switched(ap).contains("majority"), ModelStoreMode.switched(ap));
        assertEquals(false, ModelStoreMode.switchToMap(ap, "again"), "the switch is made once");
    }

    @Test
    void aGridConfiguredWithoutCpMembersUsesTheMapStoreFromTheStart() {
        Config c = TestGrids.config(0);
        HazelcastInstance a = factory.newHazelcastInstance(c);
        HazelcastInstance b = factory.newHazelcastInstance(c);
        assertEquals(ModelStoreMode.SMALL_GRID, ModelStoreMode.switched(b));
        ModelStore store = ModelStore.forInstance(b);
        assertEquals("imap-compare-and-set", store.kind());
        store.publish("m", 0, ModelStoreContractTest.model(10, "v1"));
        assertVersions(ModelStore.forInstance(a), "m", 1);
    }
}
