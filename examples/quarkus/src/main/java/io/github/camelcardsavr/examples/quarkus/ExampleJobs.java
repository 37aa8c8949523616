package io.github.camelcardsavr.examples.quarkus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.DemoJob;

/** The jobs a run follows, from {@link ExampleSettings#jobIds()} and, for the demo, their sites. */
final class ExampleJobs {

    private ExampleJobs() {
    }

    static List<DemoJob> from(ExampleSettings settings) {
        Map<Long, String> sites = settings.sites().map(ExampleJobs::parseSites).orElse(Map.of());
        return Arrays.stream(settings.jobIds().split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(Long::parseLong)
                .map(id -> new DemoJob(id, sites.getOrDefault(id, DemoJob.UNKNOWN_SITE)))
                .toList();
    }

    private static Map<Long, String> parseSites(String pairs) {
        return Arrays.stream(pairs.split(","))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> Long.parseLong(pair[0].trim()), pair -> pair[1].trim()));
    }
}
