package io.gridlearn.node;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's command line: every option, its default, and the messages for bad input. */
class NodeOptionsTest {
    @Test
    void defaultsAreLoopbackPort5701ClusterGridlearnOneBackupNoConfig() {
        NodeOptions o = NodeOptions.parse(new String[0]);
        assertEquals(5701, o.port());
        assertEquals(List.of(), o.members());
        assertEquals("gridlearn", o.clusterName());
        assertEquals("127.0.0.1", o.bindHost());
        assertEquals(-1, o.cpMembers());
        assertEquals(1, o.backupCount());
        assertNull(o.config());
        assertEquals(0, o.effectiveCpMembers(), "a node alone has no CP members");
    }

    @Test
    void everyOptionIsParsed() {
        NodeOptions o = NodeOptions.parse(new String[] {"--port", "6000", "--members", " 10.0.0.2:6000, ,10.0.0.3:6000 ",
                "--cluster-name", "prod", "--bind", "10.0.0.1", "--cp-members", "5", "--backup-count", "2",
                "--config", "conf/member.yaml"});
        assertEquals(6000, o.port());
        assertEquals(List.of("10.0.0.2:6000", "10.0.0.3:6000"), o.members(), "trimmed, empty entries dropped");
        assertEquals("prod", o.clusterName());
        assertEquals("10.0.0.1", o.bindHost());
        assertEquals(5, o.cpMembers());
        assertEquals(5, o.effectiveCpMembers(), "an explicit CP member count is kept");
        assertEquals(2, o.backupCount());
        assertEquals(Path.of("conf/member.yaml"), o.config());
    }

    @Test
    void repeatedMembersOptionsAddUp() {
        NodeOptions o = NodeOptions.parse(new String[] {"--members", "a:1", "--members", "b:2,c:3"});
        assertEquals(List.of("a:1", "b:2", "c:3"), o.members());
    }

    @Test
    void cpMembersDefaultToThreeWhenThreeMembersAreListedCountingThisOne() {
        // self listed among the members counts once
        assertEquals(3, NodeOptions.parse(new String[] {"--members", "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703"})
                .effectiveCpMembers());
        assertEquals(3, NodeOptions.parse(new String[] {"--members", "127.0.0.1:5702,127.0.0.1:5703"})
                .effectiveCpMembers());
        assertEquals(0, NodeOptions.parse(new String[] {"--members", "127.0.0.1:5701,127.0.0.1:5702"})
                .effectiveCpMembers(), "two members (self and one other): no Raft");
        assertEquals(0, NodeOptions.parse(new String[] {"--members", "127.0.0.1:5702,127.0.0.1:5703", "--cp-members", "0"})
                .effectiveCpMembers(), "0 asks for the small-grid mode");
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--prot", "1"}));
        assertTrue(unknown.getMessage().startsWith("unknown option --prot\n"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains(NodeOptions.USAGE));

        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--port"}));
        assertTrue(noValue.getMessage().startsWith("option --port needs a value"), noValue.getMessage());

        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--backup-count", "two"}));
        assertEquals("option --backup-count needs a whole number, got 'two'", notANumber.getMessage());

        for (String help : List.of("--help", "-h")) {
            IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                    () -> NodeOptions.parse(new String[] {"--port", "1", help}));
            assertEquals(NodeOptions.USAGE, h.getMessage());
        }
    }

    @Test
    void membersAreCopied() {
        List<String> members = new java.util.ArrayList<>(List.of("a:1"));
        NodeOptions o = new NodeOptions(1, members, "c", "h", -1, 1, null);
        members.add("b:2");
        assertEquals(List.of("a:1"), o.members());
        assertThrows(UnsupportedOperationException.class, () -> o.members().add("c:3"));
    }
}
