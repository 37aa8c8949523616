package io.github.camelcardsavr.examples.springboot;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.DemoJob;

/** The jobs the example follows, with the site each runs on where that is known (the simulator's). */
public record FollowedJobs(List<DemoJob> jobs) {

    public FollowedJobs {
        jobs = List.copyOf(jobs);
    }

    public String siteOf(long jobId) {
        return jobs.stream().filter(j -> j.jobId() == jobId).map(DemoJob::site).findFirst()
                .orElse(DemoJob.UNKNOWN_SITE);
    }

    /** The ids as the consumers' jobId option takes them. */
    public String jobIdOption() {
        return jobs.stream().map(j -> Long.toString(j.jobId())).collect(Collectors.joining(","));
    }

    public String describe() {
        return jobs.stream().map(j -> DemoJob.UNKNOWN_SITE.equals(j.site()) ? Long.toString(j.jobId())
                : j.jobId() + " (" + j.site() + ")").collect(Collectors.joining(", "));
    }
}
