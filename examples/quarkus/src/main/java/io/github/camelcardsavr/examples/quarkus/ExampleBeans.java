package io.github.camelcardsavr.examples.quarkus;

import java.nio.file.Path;

import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.OutputDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared example classes, as beans for the routes and the run. */
@ApplicationScoped
public class ExampleBeans {

    /** Waits for the configured jobs; the run ends when all have terminated. */
    @Produces
    @Singleton
    JobTracker jobTracker(ExampleSettings settings) {
        JobTracker tracker = new JobTracker();
        tracker.expectAll(ExampleJobs.from(settings));
        return tracker;
    }

    /**
     * The output directory, cleared of an earlier run's message files first: the simulator numbers its jobs the same
     * way every time, and old files would mix with new ones.
     */
    @Produces
    @Singleton
    OutputDir outputDir(ExampleSettings settings) {
        Path dir = Path.of(settings.outDir());
        OutputDirectory.clearPreviousRun(dir);
        return new OutputDir(dir);
    }

    /** Where the message files go. */
    public record OutputDir(Path path) {
    }
}
