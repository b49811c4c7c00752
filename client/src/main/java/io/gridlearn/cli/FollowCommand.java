package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.hostmap.FollowStatus;
import io.gridlearn.data.hostmap.HostMapFollow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "follow", description = "List the datasets kept equal to a host map (load --from-map ... --follow) "
        + "with their followers' state, or stop one (--stop).")
final class FollowCommand extends GridCommand {
    @Option(names = "--stop", paramLabel = "DATASET", description = "Stop following this dataset; it stays as it is.")
    String stop;

    @Override
    void run(HazelcastInstance hz) {
        if (stop != null) {
            if (!HostMapFollow.stop(hz, stop)) {
                throw new BadInputException("dataset '" + stop + "' is not followed");
            }
            if (json) {
                Output.json(out(), Map.of("stopped", stop));
            } else {
                out().println("stopped following " + stop);
            }
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<String, FollowStatus> e : HostMapFollow.statuses(hz).entrySet()) {
            FollowStatus s = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", e.getKey());
            m.put("member", s.member());
            m.put("state", s.state());
            m.put("rows", s.rows());
            m.put("changes", s.changes());
            m.put("heals", s.heals());
            m.put("caughtUpTo", s.caughtUpTo() == 0 ? null : Instant.ofEpochMilli(s.caughtUpTo()).toString());
            m.put("message", s.message());
            list.add(m);
        }
        if (json) {
            Output.json(out(), Map.of("following", list));
        } else if (list.isEmpty()) {
            out().println("no dataset is followed");
        } else {
            for (Map<String, Object> m : list) {
                out().printf("%-24s %-10s member %s, %s changes, %s heals, caught up to %s%s%n", m.get("dataset"),
                        m.get("state"), m.get("member"), m.get("changes"), m.get("heals"), m.get("caughtUpTo"),
                        m.get("message") == null ? "" : " (" + m.get("message") + ")");
            }
        }
    }
}
