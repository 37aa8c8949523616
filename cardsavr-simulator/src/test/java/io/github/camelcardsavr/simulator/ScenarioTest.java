package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Jobs run on their own through the recorded sample's statuses, on one shared scheduler. */
class ScenarioTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    void goodEmailRunsLikeTheRecordedJob() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());

        List<Map<String, Object>> statuses = statuses(drain(job));

        assertThat(statuses).extracting(s -> s.get("status")).startsWith("REQUESTED", "QUEUED", "AUTH")
                .contains("LOGIN_SUBMITTED", "UPDATING").endsWith("SUCCESSFUL");
        assertThat(statuses).extracting(s -> s.get("status")).doesNotContain("PENDING_TFA");
        List<Double> percents = statuses.stream().map(s -> ((Number) s.get("percent_complete")).doubleValue()).toList();
        assertThat(percents).isSorted().contains(1.5, 13.5, 50.0, 93.5).endsWith(100.0);
        List<Long> timeouts = statuses.stream().skip(1).map(s -> ((Number) s.get("job_timeout")).longValue()).toList();
        assertThat(timeouts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(timeouts.get(0)).isGreaterThan(timeouts.get(timeouts.size() - 1));
        Map<String, Object> last = statuses.get(statuses.size() - 1);
        assertThat(last).containsEntry("termination_type", "BILLABLE").containsEntry("percent_complete", 100)
                .containsEntry("termination_status_message", "Successful");
        assertThat(SIM.admin().job(job.jobId()).getTerminationType()).isEqualTo("BILLABLE");
    }

    @Test
    void siteFailureEndsWithSiteInteractionFailure() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.SITE_FAILURE, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());

        List<Map<String, Object>> statuses = statuses(drain(job));

        assertThat(statuses).extracting(s -> s.get("status")).contains("UPDATING").endsWith("UNSUCCESSFUL");
        assertThat(statuses.get(statuses.size() - 1)).containsEntry("termination_type", "SITE_INTERACTION_FAILURE");
    }

    @Test
    void manualJobsStayWhereTheyAre() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        CreatedJob reference = SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(reference.jobId()).terminated());

        JobView view = SIM.admin().job(job.jobId());
        assertThat(view.status()).isEqualTo("REQUESTED");
        assertThat(view.messagesPublished()).isEqualTo(1);
        assertThat(view.terminated()).isFalse();
    }

    @Test
    void jobsCreatedWithoutAutoStartWaitForStart() {
        CreatedJob job = SIM.admin().createJob(JobSpec.builder().site(SimulatorSites.GOOD_EMAIL).autoStart(false)
                .stepDelay(Duration.ofMillis(1)).build());
        CreatedJob reference = SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(reference.jobId()).terminated());
        assertThat(SIM.admin().job(job.jobId()).status()).isEqualTo("REQUESTED");

        SIM.admin().startJob(job.jobId());

        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());
    }

    @Test
    void manyJobsRunConcurrentlyOnTwoSchedulerThreads() {
        List<CreatedJob> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            jobs.add(SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, null));
        }
        long schedulerThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("cardsavr-sim-jobs-")).count();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.stream().allMatch(job -> SIM.admin().job(job.jobId()).terminated()));
        assertThat(jobs).allSatisfy(job -> assertThat(SIM.admin().job(job.jobId()).terminationType())
                .isEqualTo("BILLABLE"));
        // Two threads per running simulator (other test classes may run their own simulators).
        assertThat(schedulerThreads).isLessThanOrEqualTo(2L * 4);
    }

    @Test
    void unknownSitesAreRefusedWithTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SIM.admin().createJob("amazon", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("good_email");
        assertThat(SimulatorSites.requireKnown("good_password")).isEqualTo(SimulatorSites.GOOD_EMAIL);
    }

    static List<Map<String, Object>> drain(CreatedJob job) {
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
        return client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statuses(List<Map<String, Object>> messages) {
        return messages.stream().filter(m -> "job_status".equals(m.get("type")))
                .map(m -> (Map<String, Object>) m.get("message")).toList();
    }
}
