package io.github.camelcardsavr.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Clears what an earlier run wrote, because the simulator numbers its jobs the same way every time and
 * old files would mix with new ones. Only {@code <jobId>/<seq>-<label>.json} files and the emptied job
 * directories are removed; anything else in the directory is left alone.
 */
public final class OutputDirectory {

    private static final Pattern JOB_DIR = Pattern.compile("\\d+");
    private static final Pattern MESSAGE_FILE = Pattern.compile("\\d{4,}-[A-Za-z0-9_.-]*\\.json");

    private OutputDirectory() {
    }

    public static void clearPreviousRun(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(outputDir)) {
            for (Path jobDir : entries.filter(OutputDirectory::isJobDirectory).toList()) {
                clearJobDirectory(jobDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear the previous run's files in " + outputDir, e);
        }
    }

    private static boolean isJobDirectory(Path path) {
        return Files.isDirectory(path) && JOB_DIR.matcher(path.getFileName().toString()).matches();
    }

    private static void clearJobDirectory(Path jobDir) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(jobDir)) {
            files = entries.filter(p -> MESSAGE_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path file : files) {
            Files.delete(file);
        }
        try (Stream<Path> rest = Files.list(jobDir)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(jobDir);
            }
        }
    }
}
