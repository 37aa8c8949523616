package io.github.camelcardsavr.simulator.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.OpenCredentialRequest;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.internal.state.MessageChannel;

/** Read-only views of jobs for the admin API and test assertions. */
public final class JobInspector {

    private final JobBook book;

    JobInspector(JobBook book) {
        this.book = book;
    }

    public JobView view(long jobId) {
        SimJob job = book.job(jobId);
        Map<String, Integer> polls = new LinkedHashMap<>();
        long delivered = 0;
        long expired = 0;
        for (MessageChannel channel : job.channels.values()) {
            polls.put(channel.accessKey(), channel.polls());
            delivered += channel.delivered();
            expired += channel.expired();
        }
        synchronized (job) {
            List<OpenCredentialRequest> open = new ArrayList<>();
            for (CredentialRequestRecord request : job.openRequests.values()) {
                open.add(new OpenCredentialRequest(request.envelopeId(), request.type(), request.fields(),
                        Instant.ofEpochMilli(request.expiresAtMillis())));
            }
            List<ReceivedAnswer> answers = new ArrayList<>();
            for (AnswerRecord answer : job.answers) {
                answers.add(new ReceivedAnswer(answer.envelopeId(), answer.type(), answer.via(),
                        Instant.ofEpochMilli(answer.receivedAtMillis())));
            }
            return new JobView(job.id, job.cardholder.id(), job.site, job.status, job.percent, job.terminationType,
                    job.terminated, job.messagesPublished.get(), delivered, job.cardholderDelivered.get(), expired,
                    polls, job.credentialRequestPolls.get(), open, answers);
        }
    }

    public List<JobView> views() {
        List<Long> ids = new ArrayList<>();
        for (SimJob job : book.jobs()) {
            ids.add(job.id);
        }
        ids.sort(null);
        List<JobView> views = new ArrayList<>();
        for (long id : ids) {
            views.add(view(id));
        }
        return views;
    }

    public Map<String, Integer> broadcastPolls(long jobId) {
        Map<String, Integer> polls = new LinkedHashMap<>();
        for (MessageChannel channel : book.job(jobId).channels.values()) {
            polls.put(channel.accessKey(), channel.polls());
        }
        return polls;
    }

    /** Answered values by envelope id, in answer order: TFA codes and credentials, for tests only. */
    public Map<String, Object> answerValues(long jobId) {
        SimJob job = book.job(jobId);
        Map<String, Object> values = new LinkedHashMap<>();
        synchronized (job) {
            for (AnswerRecord answer : job.answers) {
                values.put(answer.envelopeId(), answer.value());
            }
        }
        return values;
    }

    public int cardholderPolls(long cardholderId) {
        return book.cardholder(cardholderId).queue().polls();
    }

    public int pendingCardholderMessages(long cardholderId) {
        return book.cardholder(cardholderId).queue().pending();
    }
}
