package io.gridlearn.cli;

import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short form of the chaos run ({@link Chaos}): four standalone nodes on ports 6501–6504 with the
 * partitioned-map model store ({@code --cp-members 0}), the command line looping load, append, three fits and
 * predict for 75 s while a node is killed (SIGKILL) or stopped (SIGTERM) and restarted about every 10 s, from
 * seed 25. Every fit equals the reference fit on the undisturbed grid bit for bit or fails with one line on
 * standard error; no command hangs; model versions never go backwards. Logs in {@code client/target/chaos/}.
 */
@Tag("slow")
class ChaosTest {
    private Chaos chaos;

    @AfterEach
    void stopNodes() {
        if (chaos != null) {
            chaos.close();
        }
    }

    @Test
    void fitsAreExactOrFailInOneLineWhileMembersComeAndGo() throws Exception {
        Path logs = Path.of("target", "chaos", "run-" + Long.toHexString(System.nanoTime()));
        chaos = new Chaos(new Chaos.Settings(6501, 75, 10, 25, 0, 15, 120, logs));
        Chaos.Counts counts = chaos.run(Oracles.resource("boston.csv"));
        System.out.println("chaos test: " + counts);
        counts.failureLines.forEach(l -> System.out.println("  failed in one line: " + l));
        assertEquals(0, counts.violations.size(), () -> String.join("\n", counts.violations));
        assertTrue(counts.kills.get() + counts.stops.get() >= 3, counts::toString);
        assertTrue(counts.fits >= 3, counts::toString);
        assertEquals(counts.kills.get() + counts.stops.get(), counts.restarts.get(), counts::toString);
    }
}
