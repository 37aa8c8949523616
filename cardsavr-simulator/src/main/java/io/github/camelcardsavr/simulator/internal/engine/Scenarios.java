package io.github.camelcardsavr.simulator.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.camelcardsavr.simulator.SimulatorSites;

/**
 * The scripts of the synthetic sites. Percentages move in 1.5 steps and statuses follow the order of the
 * recorded job in the shared samples (AUTH, LOGIN_SUBMITTED, PENDING_TFA, TFA_CODE_RECEIVED, TFA_SUBMITTED,
 * UPDATING from 50, SUCCESSFUL at 100), so clients meet the same shapes as against a real instance.
 */
final class Scenarios {

    static final double STEP = 1.5;
    static final String BILLABLE = "BILLABLE";
    static final String USER_DATA_FAILURE = "USER_DATA_FAILURE";
    static final String SITE_INTERACTION_FAILURE = "SITE_INTERACTION_FAILURE";

    private static final int AUTH_STEPS = 10;
    private static final int LOGIN_STEPS = 5;
    private static final int UPDATING_STEPS = 30;
    private static final int FAILING_UPDATING_STEPS = 10;
    private static final double UPDATING_START = 50;
    private static final double BEFORE_UPDATING_CAP = 49;

    private Scenarios() {
    }

    /** The script a job of this site runs after REQUESTED (which the engine publishes at creation). */
    static Deque<ScenarioStep> script(String site) {
        Deque<ScenarioStep> steps = new ArrayDeque<>();
        if (SimulatorSites.MANUAL.equals(site)) {
            return steps;
        }
        steps.add(new ScenarioStep.Status("QUEUED", 0, 0, "Waiting for a virtual browser."));
        for (int i = 0; i < AUTH_STEPS; i++) {
            steps.add(new ScenarioStep.Status("AUTH", i * STEP, i * 10, "Linking account."));
        }
        for (int i = 0; i < LOGIN_STEPS; i++) {
            steps.add(new ScenarioStep.Status("LOGIN_SUBMITTED", (AUTH_STEPS + i) * STEP, 95, "Logging in."));
        }
        switch (site) {
            case SimulatorSites.TFA -> steps.add(new ScenarioStep.AwaitInput(InputKind.TFA));
            case SimulatorSites.SECURITY -> steps.add(new ScenarioStep.AwaitInput(InputKind.SECURITY));
            case SimulatorSites.BAD_EMAIL -> steps.add(new ScenarioStep.AwaitInput(InputKind.NEW_CREDENTIALS));
            default -> {
                // good_email and site_failure go straight on to placing the card.
            }
        }
        if (SimulatorSites.SITE_FAILURE.equals(site)) {
            steps.addAll(updating(FAILING_UPDATING_STEPS));
            steps.add(new ScenarioStep.Terminate("UNSUCCESSFUL", SITE_INTERACTION_FAILURE,
                    "We could not place your card on this site.", "Site interaction failure"));
        } else {
            steps.addAll(updating(UPDATING_STEPS));
            steps.add(new ScenarioStep.Terminate("SUCCESSFUL", BILLABLE, "Your card was placed successfully.",
                    "Successful"));
        }
        return steps;
    }

    /** What runs right after an answer: the received/submitted statuses, or a USER_DATA_FAILURE ending. */
    static List<ScenarioStep> afterAnswer(InputKind kind, boolean accepted, double percentNow) {
        List<ScenarioStep> steps = new ArrayList<>();
        double percent = percentNow;
        int received = accepted ? (kind == InputKind.TFA ? 4 : 2) : 1;
        for (int i = 0; i < received; i++) {
            percent = Math.min(BEFORE_UPDATING_CAP, percent + STEP);
            steps.add(new ScenarioStep.Status(kind.receivedStatus, percent, 95, receivedMessage(kind)));
        }
        if (!accepted) {
            steps.add(new ScenarioStep.Terminate(kind.rejectedStatus, USER_DATA_FAILURE, rejectedMessage(kind),
                    "User data failure"));
            return steps;
        }
        int submitted = kind == InputKind.TFA ? 6 : 3;
        for (int i = 0; i < submitted; i++) {
            percent = Math.min(BEFORE_UPDATING_CAP, percent + STEP);
            steps.add(new ScenarioStep.Status(kind.submittedStatus, percent, 98, submittedMessage(kind)));
        }
        return steps;
    }

    static ScenarioStep.Terminate timeout(String requestType) {
        return new ScenarioStep.Terminate(InputKind.timeoutStatusFor(requestType), USER_DATA_FAILURE,
                "The requested information was not provided in time.", "User data failure");
    }

    private static List<ScenarioStep> updating(int count) {
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(new ScenarioStep.Status("UPDATING", UPDATING_START + i * STEP, 100, "Placing your card."));
        }
        return steps;
    }

    private static String receivedMessage(InputKind kind) {
        return kind == InputKind.TFA ? "Verification code received." : "Information received.";
    }

    private static String submittedMessage(InputKind kind) {
        return kind == InputKind.TFA ? "Verification code submitted." : "Information submitted.";
    }

    private static String rejectedMessage(InputKind kind) {
        return switch (kind) {
            case TFA -> "The verification code was not accepted.";
            case SECURITY -> "The security answers were not accepted.";
            case NEW_CREDENTIALS -> "The new credentials were not accepted.";
        };
    }
}
