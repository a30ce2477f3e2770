package dev.oktaentra.core;

import java.io.File;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a test needs to start a JVM of its own on this JVM's classes. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * This JVM's classes as a class path for a child: Surefire runs core's tests on the module path, so the class path
     * alone lacks core and its dependencies.
     *
     * @return the module path and the class path, joined
     */
    public static String classPath() {
        return Stream.of("jdk.module.path", "java.class.path").map(System::getProperty)
                .filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining(File.pathSeparator));
    }
}
