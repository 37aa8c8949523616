package io.github.camelcardsavr;

import java.util.Map;

import io.github.camelcardsavr.ForgingFront.Poll;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribing again abandons what waits on the old access key, so the jobStatus consumer does it only on the server's
 * word: a rejection whose signature was verified, or a second unverified one of the same key in a row. A forged
 * {@code 401 InvalidAccessKey} (unsigned: a forger has no key to sign with) costs one failed poll, not the messages
 * queued on the channel.
 */
class AccessKeyRejectionTest extends CardsavrTestSupport {

    private ForgingFront front;

    @Override
    protected void configure(CardsavrConfiguration c) {
        super.configure(c);
        try {
            front = new ForgingFront(simulator.getBaseUrl());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        c.setBaseUrl(front.baseUrl());
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (front != null) {
            front.close();
        }
    }

    private long polledJob() throws Exception {
        return polledJob("");
    }

    private long polledJob(String options) throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId + options).to("mock:status");
            }
        });
        awaitPolled(jobId);
        // the front records a poll after relaying its reply, a moment after the simulator counted it
        await().until(() -> !front.polls().isEmpty());
        return jobId;
    }

    private long forgedPolls() {
        return front.polls().stream().filter(Poll::forged).count();
    }

    private long realPollsAfterForgery() {
        java.util.List<Poll> polls = front.polls();
        int lastForged = -1;
        for (int i = 0; i < polls.size(); i++) {
            if (polls.get(i).forged()) {
                lastForged = i;
            }
        }
        return lastForged < 0 ? 0 : polls.size() - lastForged - 1;
    }

    @Test
    void oneForgedRejectionCostsOnePollNotTheChannel() throws Exception {
        long jobId = polledJob();
        long registrations = admin().requestCount("registrations");

        // published while the forged reply is on its way: it waits on the consumer's key, and only there
        front.forgeNextBroadcastPolls(1, () -> admin().injectMessage(jobId, Map.of("status", "WHILE_FORGED")));
        await().until(() -> forgedPolls() == 1 && realPollsAfterForgery() >= 2);

        assertThat(admin().requestCount("registrations")).as("no new subscription").isEqualTo(registrations);
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
        assertThat(statuses(getMockEndpoint("mock:status").getReceivedExchanges())).containsExactly("WHILE_FORGED");

        // the unverified rejections must come in a row: a successful poll in between starts over
        front.forgeNextBroadcastPolls(1, () -> admin().injectMessage(jobId, Map.of("status", "WHILE_FORGED_AGAIN")));
        await().until(() -> forgedPolls() == 2 && realPollsAfterForgery() >= 2);
        assertThat(admin().requestCount("registrations")).isEqualTo(registrations);
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 2);
    }

    @Test
    void twoUnverifiedRejectionsOfTheSameKeyInARowLeadToANewSubscription() throws Exception {
        // with a recovery channel the call after a rejection reads that channel (another key): see the next test
        long jobId = polledJob("&recoveryChannel=false");
        long registrations = admin().requestCount("registrations");

        front.forgeNextBroadcastPolls(2, () -> { });
        await().until(() -> admin().requestCount("registrations") == registrations + 1);

        assertThat(forgedPolls()).as("rejections before subscribing again").isEqualTo(2);
        admin().injectMessage(jobId, Map.of("status", "ON_NEW_KEY"));
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
        assertThat(statuses(getMockEndpoint("mock:status").getReceivedExchanges())).containsExactly("ON_NEW_KEY");
    }

    @Test
    void aVerifiedRejectionLeadsToANewSubscriptionAtOnce() throws Exception {
        long jobId = polledJob();
        long registrations = admin().requestCount("registrations");
        // the primary key: the recovery channel is read once after the subscription, the primary on every turn
        await().until(() -> front.polls().size() >= 3);
        String key = front.polls().get(front.polls().size() - 1).accessKey();

        admin().faults().revokeAccessKey(key);
        await().until(() -> admin().requestCount("registrations") == registrations + 1);

        // the simulator signs its 401 with the session key: one rejected poll is enough
        assertThat(front.polls()).filteredOn(p -> key.equals(p.accessKey()) && p.status() == 401).hasSize(1);
        admin().injectMessage(jobId, Map.of("status", "ON_NEW_KEY"));
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
    }

    @Test
    void aForgedRejectionIsFollowedByAReadingOfTheRecoveryChannelThatRoutesNothingTwice() throws Exception {
        long jobId = polledJob();
        long registrations = admin().requestCount("registrations");

        // the forger may have let the poll through and kept its reply: the recovery channel is read before the primary
        front.forgeNextBroadcastPolls(1, () -> admin().injectMessage(jobId, Map.of("status", "WHILE_FORGED")));
        await().until(() -> forgedPolls() == 1 && realPollsAfterForgery() >= 3);
        admin().injectMessage(jobId, Map.of("status", "AFTER"));

        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 2);
        int polls = front.polls().size();
        await().until(() -> front.polls().size() >= polls + 3);
        assertThat(statuses(getMockEndpoint("mock:status").getReceivedExchanges())).containsExactly("WHILE_FORGED", "AFTER");
        assertThat(admin().requestCount("registrations")).as("no new subscription").isEqualTo(registrations);
        assertThat(front.polls().stream().map(ForgingFront.Poll::accessKey).distinct().count())
                .as("the primary and the recovery key were both read").isEqualTo(2);
    }
}
