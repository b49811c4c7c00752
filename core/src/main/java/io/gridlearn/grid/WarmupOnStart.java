package io.gridlearn.grid;

import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.gridlearn.simd.KernelWarmup;

/**
 * A member's lifecycle listener, added by {@link GridConfigs#applyGridlearn}: when the member has started, it
 * compiles the block kernels' vector methods in the background ({@link KernelWarmup}), so that the first fit
 * after the members started does not run them in the interpreter.
 */
public final class WarmupOnStart implements LifecycleListener {
    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.STARTED) {
            KernelWarmup.startInBackground();
        }
    }
}
