package io.github.camelcardsavr.examples.support;

import java.nio.file.Path;

/** Paths as a person would type them: relative to the working directory when they are inside it. */
public final class PathsForHumans {

    private PathsForHumans() {
    }

    public static String shortest(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path workingDir = Path.of("").toAbsolutePath();
        return absolute.startsWith(workingDir) ? workingDir.relativize(absolute).toString() : absolute.toString();
    }
}
