package io.github.camelcardsavr.examples.ha;

import java.io.PrintStream;
import java.nio.file.Files;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * One replica under Camel Main: the shared database, the cluster service, the routes. It runs until every job in
 * {@code CARDSAVR_JOB_IDS} has terminated (whichever replica wrote its last message), or until it is stopped.
 */
final class HaApplication {

    static final String ANSWERS = "answers.properties";
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 10;

    private final HaSettings settings;
    private final PrintStream out;

    HaApplication(HaSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run() throws Exception {
        Files.createDirectories(settings.outDir());
        try (SharedDatabase database = SharedDatabase.connect(settings)) {
            JdbcMessageIdRepository terminatedJobs = database.messageIds(SharedDatabase.TERMINATED_JOBS);
            terminatedJobs.start();
            CamelClusterService cluster = ClusterServices.of(settings.cluster());
            DeliveryCounter counter = new DeliveryCounter();

            Main main = new Main();
            main.configure().setName("cardsavr-ha");
            main.configure().setShutdownTimeout(SHUTDOWN_TIMEOUT_SECONDS);
            // Camel Main would otherwise list every property it applied, including connection settings
            main.configure().setAutoConfigurationLogSummary(false);
            settings.cardsavr().componentProperties().forEach(main::addInitialProperty);
            if (settings.stateSecret() != null) {
                main.addInitialProperty("camel.component.cardsavr.state-secret", settings.stateSecret());
            }
            main.bind(HaRoutes.STATE, database.stateRepository());
            main.bind(HaRoutes.ANSWERED, database.messageIds(SharedDatabase.ANSWERED_ENVELOPES));
            main.bind("clusterService", cluster);
            main.configure().addRoutesBuilder(new HaRoutes(settings, answers(), terminatedJobs, main::completed,
                    counter));
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport camelMain) {
                    announceLeadership(cluster);
                }
            });
            out.println("Replica of " + settings + " starting");
            main.run();
            out.println(counter.summary());
            terminatedJobs.stop();
            return main.getExitCode();
        }
    }

    private CredentialAnswers answers() {
        AnswersFile file = settings.answersFile() != null ? AnswersFile.fromPath(settings.answersFile())
                : AnswersFile.fromClasspath(ANSWERS);
        // a service has no terminal: unanswered requests are named once on stderr
        return new CredentialAnswers(file, jobId -> DemoJob.UNKNOWN_SITE, PersonAtTerminal.nobody(System.err));
    }

    private void announceLeadership(CamelClusterService cluster) {
        try {
            var view = cluster.getView(HaRoutes.namespace(settings.cardsavr().cardholderId()));
            LeadershipLog log = new LeadershipLog(out);
            view.addEventListener(log);
            log.leadershipChanged(view, view.getLeader().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException("Could not watch the cluster namespace", e);
        }
    }
}
