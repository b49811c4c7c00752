package io.gridlearn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines that run a main class of the test classpath in a JVM of its own: a {@code gridlearn} driver
 * ({@link Main}) to kill, a grid node ({@code io.gridlearn.node.GridNode}) on another "host". Running from the
 * test classpath rather than the packaged jars tests the code of this build, on whichever Hazelcast version
 * the build selected ({@code -Dhazelcast.version=…}).
 */
final class JavaProcesses {
    /** What Hazelcast asks for on Java 9+ (the node jar's manifest says the same); without it every start warns. */
    static final List<String> HAZELCAST_JVM_OPTIONS = List.of(
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

    private JavaProcesses() {
    }

    /** {@code java [jvmOptions] -cp <test classpath> mainClass [args]}, with the JVM running the tests. */
    static List<String> java(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(args);
        return cmd;
    }
}
