package io.gridlearn.util;

/** The library's own version, from the jar manifest. */
public final class Versions {
    private Versions() {
    }

    /**
     * The library's version.
     *
     * @return the jar manifest's {@code Implementation-Version}, or {@code 0.1.0-SNAPSHOT} when run from classes
     */
    public static String library() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
