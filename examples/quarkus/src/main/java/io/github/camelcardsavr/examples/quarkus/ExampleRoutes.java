package io.github.camelcardsavr.examples.quarkus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MessageFileNames;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.RouteDefinition;
import org.jboss.logging.Logger;

/**
 * Every status message of the configured jobs to {@code <out>/<jobId>/<seq>-<status>.json} (and to a Kafka topic,
 * keyed by job id, when {@code KAFKA_BOOTSTRAP_SERVERS} is set); their credential requests answered from the answers
 * file. The component's connection comes from {@code camel.component.cardsavr.*}.
 */
@ApplicationScoped
public class ExampleRoutes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(ExampleRoutes.class);
    private static final String DEMO_ANSWERS = "answers.properties";

    @Inject
    ExampleSettings settings;

    @Inject
    JobTracker tracker;

    @Inject
    ExampleBeans.OutputDir outputDir;

    @Inject
    KafkaDeliveries kafkaDeliveries;

    @Override
    public void configure() {
        List<DemoJob> jobs = ExampleJobs.from(settings);
        String jobIds = jobs.stream().map(j -> Long.toString(j.jobId())).collect(Collectors.joining(","));
        String polling = "&delay=" + settings.pollDelay();

        // No marshal step: the component's type converters write its message objects as their JSON.
        RouteDefinition status = from("cardsavr:jobStatus?jobId=" + jobIds + polling)
                .routeId("job-status")
                .process(new MessageFileNames())
                .to("file:" + outputDir.path());
        settings.kafkaBootstrapServers().ifPresent(servers -> status
                .setHeader(KafkaConstants.KEY, header(CardsavrConstants.JOB_ID).convertToString())
                .to("kafka:" + settings.kafkaTopic() + "?brokers=" + servers)
                .process(exchange -> kafkaDeliveries.acknowledged()));
        status.process(tracker);

        answers(jobs).ifPresentOrElse(answers -> from("cardsavr:credentialRequests?jobId=" + jobIds + polling)
                .routeId("credential-requests")
                .process(answers)
                .choice()
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.TFA))
                        .to("cardsavr:credentialResponse")
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.ACCOUNT_LINK))
                        .to("cardsavr:jobCredentials")
                .end(),
                () -> LOG.warn("CARDSAVR_ANSWERS_FILE is not set: credential requests are left for a person to answer"));
    }

    /** The file named by CARDSAVR_ANSWERS_FILE, else the demo's own answers for the simulator's sites. */
    private Optional<CredentialAnswers> answers(List<DemoJob> jobs) {
        Map<Long, String> sites = jobs.stream().collect(Collectors.toMap(DemoJob::jobId, DemoJob::site));
        Optional<AnswersFile> file = settings.answersFile().map(path -> AnswersFile.fromPath(Path.of(path)))
                .or(() -> settings.sites().map(demo -> AnswersFile.fromClasspath(DEMO_ANSWERS)));
        // a service has nobody at a terminal: a request the file cannot answer is named once in the log
        return file.map(answers -> new CredentialAnswers(answers,
                jobId -> sites.getOrDefault(jobId, DemoJob.UNKNOWN_SITE), PersonAtTerminal.nobody(System.out)));
    }
}
