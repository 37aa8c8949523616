package io.github.camelcardsavr.examples.springboot;

import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MessageFileNames;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import org.apache.camel.builder.RouteBuilder;

/**
 * The example's routes. The cardsavr endpoints carry no connection settings: the starter configured the component
 * from {@code camel.component.cardsavr.*}.
 */
public final class ExampleRoutes extends RouteBuilder {

    private final ExampleProperties properties;
    private final FollowedJobs jobs;
    private final Answers answers;
    private final JobTracker tracker;

    ExampleRoutes(ExampleProperties properties, FollowedJobs jobs, Answers answers, JobTracker tracker) {
        this.properties = properties;
        this.jobs = jobs;
        this.answers = answers;
        this.tracker = tracker;
    }

    @Override
    public void configure() {
        String followed = "?jobId=" + jobs.jobIdOption() + "&" + properties.pollOptions();

        // Every status message of the jobs, in order per job: one JSON file each (the component converts its
        // message objects to JSON by itself) and a copy on the queue. The tracker comes last, so it only counts
        // what was delivered.
        from("cardsavr:jobStatus" + followed)
                .routeId("job-status")
                .process(new MessageFileNames())
                .to("file:" + properties.outDir().toAbsolutePath())
                .to("jms:queue:" + properties.queue() + "?jmsMessageType=Text")
                .process(tracker);

        // A TFA code goes back through credentialResponse, credentials through jobCredentials; job, envelope and
        // type come from the headers the credentialRequests consumer set.
        answers.file().ifPresent(file -> from("cardsavr:credentialRequests" + followed)
                .routeId("credential-requests")
                .process(new CredentialAnswers(file, jobs::siteOf, PersonAtTerminal.nobody(System.out)))
                .choice()
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.TFA))
                        .to("cardsavr:credentialResponse")
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.ACCOUNT_LINK))
                        .to("cardsavr:jobCredentials")
                .end());
    }
}
