package io.gridlearn.simd;

import com.hazelcast.config.Config;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.WarmupOnStart;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernels' warm-up: the same arithmetic every time, and registered once on every gridlearn member. */
class KernelWarmupTest {
    @Test
    void theWarmupComputesTheSameFiniteValueEveryTime() {
        double a = KernelWarmup.run();
        assertTrue(Double.isFinite(a) && a != 0, "the calls' results are used: " + a);
        assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(KernelWarmup.run()));
    }

    @Test
    void everyGridlearnMemberStartsItOnce() {
        Config config = new Config();
        GridConfigs.applyGridlearn(config);
        GridConfigs.applyGridlearn(config);
        assertEquals(1, config.getListenerConfigs().stream()
                .filter(l -> WarmupOnStart.class.getName().equals(l.getClassName())).count());
    }
}
