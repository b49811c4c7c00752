package io.gridlearn.model;

import io.gridlearn.GridlearnException;

/** A compare-and-set on the model store lost: someone else published a newer version first. */
public class StaleModelException extends GridlearnException {
    private static final long serialVersionUID = 1L;

    /**
     * @param name     the model's name
     * @param expected the version the update assumed
     * @param actual   the store's current version
     */
    public StaleModelException(String name, long expected, long actual) {
        super("model '" + name + "' is at version " + actual + ", not " + expected + " as this update assumed: "
                + "another writer published first; nothing was overwritten (re-read and retry)");
    }
}
