package io.github.camelcardsavr.examples.springboot;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.JobTracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;

/**
 * The Spring Boot application: Camel, the cardsavr component, JMS and the Artemis broker all come from starters and
 * {@code application.properties}; this class only adds what the example follows and its routes.
 */
@SpringBootApplication
@EnableConfigurationProperties(ExampleProperties.class)
public class SpringBootExampleApplication {

    @Bean
    FollowedJobs followedJobs(ExampleProperties properties, ObjectProvider<DemoSimulator> simulator) {
        Map<Long, String> sites = simulator.stream().flatMap(s -> s.jobs().stream())
                .collect(Collectors.toMap(DemoJob::jobId, DemoJob::site));
        return new FollowedJobs(properties.followedJobIds().stream()
                .map(id -> new DemoJob(id, sites.getOrDefault(id, DemoJob.UNKNOWN_SITE))).toList());
    }

    @Bean
    Answers answers(ExampleProperties properties, ObjectProvider<DemoSimulator> simulator) {
        Optional<AnswersFile> file = properties.answers().map(AnswersFile::fromPath);
        if (file.isEmpty() && simulator.getIfAvailable() != null) {
            file = Optional.of(AnswersFile.fromClasspath(Answers.BUNDLED));
        }
        return new Answers(file);
    }

    @Bean
    JobTracker jobTracker(FollowedJobs jobs) {
        JobTracker tracker = new JobTracker();
        tracker.expectAll(jobs.jobs());
        return tracker;
    }

    @Bean
    ExampleRoutes exampleRoutes(ExampleProperties properties, FollowedJobs jobs, Answers answers,
            JobTracker tracker) {
        return new ExampleRoutes(properties, jobs, answers, tracker);
    }

    @Bean
    ExampleRun exampleRun(JobTracker tracker, ExampleProperties properties, JmsTemplate jmsTemplate) {
        return new ExampleRun(tracker, properties, jmsTemplate);
    }
}
