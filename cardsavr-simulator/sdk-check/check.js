"use strict";
// Strivve's published JavaScript SDK (@strivve/strivve-sdk, pinned in package.json), unpatched, against the
// simulator CLI over HTTPS on loopback: login, registration, broadcast polls, every answer path, termination,
// cardholder messages, the agent-side calls and CardholderQuery. Exits 0 when every check passed.
//
//   node check.js [path/to/cardsavr-simulator.jar]

const assert = require("assert/strict");
const path = require("path");
const { CardsavrHelper, CardholderQuery } = require("@strivve/strivve-sdk/lib/cardsavr/CardsavrHelper");
const { CardsavrSession } = require("@strivve/strivve-sdk/lib/cardsavr/CardsavrJSLibrary-2.0");
const sdkVersion = require("@strivve/strivve-sdk/package.json").version;
const { startSimulator } = require("./simulator");

const WAIT_MS = 30000;
const TFA_CODE = "1234"; // what the simulator's tfa site accepts

function pass(what, detail) {
    console.log(`ok   ${what}${detail ? ` (${detail})` : ""}`);
}

/** Polls until check() returns a truthy value; fails naming what never happened. */
async function waitFor(what, check) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const value = await check();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`gave up after ${WAIT_MS} ms waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

async function main() {
    const jar = process.argv[2] || path.join(__dirname, "..", "target", "cardsavr-simulator.jar");
    const sim = await startSimulator(jar);
    try {
        console.log(`Strivve SDK ${sdkVersion} against the simulator at ${sim.baseUrl}`);
        await runChecks(sim);
        console.log("All checks passed.");
    } finally {
        await sim.stop();
    }
}

async function runChecks(sim) {
    const helper = CardsavrHelper.getInstance()
        .setAppSettings(sim.baseUrl, sim.integratorName, sim.integratorKey, true, sim.certPem);
    const session = await helper.loginAndCreateSession(sim.username, sim.password, { key: "sdk-check" });
    assert.ok(session.getSessionUserId() > 0);
    let replies = (await sim.admin("GET", "/requests")).encrypted_replies;
    assert.ok(replies["aes-256-cbc"] >= 1 && !replies["aes-256-gcm"], JSON.stringify(replies));
    pass("login: CardsavrHelper.loginAndCreateSession over TLS with the printed certificate",
        `user ${session.getSessionUserId()}, replies ${JSON.stringify(replies)}`);

    const refreshed = await session.refresh();
    assert.equal(refreshed.statusCode, 200);
    pass("refresh: PUT /session/refresh");

    await registrationAndBroadcasts(sim, session);
    await answerPaths(sim, helper, session);
    await cardholderMessages(sim, session);
    await agentCalls(sim, session);
    await cardholderQuery(sim, helper, session);
    await errorsAndEnd(sim, helper, session);

    replies = (await sim.admin("GET", "/requests")).encrypted_replies;
    assert.ok(!replies["aes-256-gcm"], `a CBC client got GCM replies: ${JSON.stringify(replies)}`);
    pass("every encrypted reply was CBC", JSON.stringify(replies));
}

async function createJob(sim, site, extra = {}) {
    return sim.admin("POST", "/jobs", { site, ...extra });
}

/** Polls the job's broadcasts through the SDK until its last message; returns every message. */
async function pollToTheEnd(session, jobId, accessKey) {
    const messages = [];
    await waitFor(`job ${jobId} to terminate`, async () => {
        const update = await session.getJobStatusUpdate(jobId, accessKey);
        messages.push(...update.body);
        return messages.some(m => m.type === "job_status" && m.message.termination_type);
    });
    return messages;
}

function terminationOf(messages) {
    return messages.find(m => m.type === "job_status" && m.message.termination_type).message.termination_type;
}

async function registrationAndBroadcasts(sim, session) {
    const job = await createJob(sim, "good_email", { auto_start: false });
    const registration = await session.registerForJobStatusUpdates(job.job_id);
    const accessKey = registration.body.access_key;
    assert.ok(accessKey && accessKey !== job.access_key);
    pass("registration: registerForJobStatusUpdates (POST .../broadcasts/registrations)");

    await sim.admin("POST", `/jobs/${job.job_id}/start`);
    const messages = await pollToTheEnd(session, job.job_id, accessKey);
    const statuses = [...new Set(messages.map(m => m.message.status))];
    assert.deepEqual(statuses, ["QUEUED", "AUTH", "LOGIN_SUBMITTED", "UPDATING", "SUCCESSFUL"]);
    assert.equal(terminationOf(messages), "BILLABLE");
    const polls = (await sim.admin("GET", `/jobs/${job.job_id}`)).broadcast_polls[accessKey];
    pass("broadcast polls: getJobStatusUpdate with x-cardsavr-cardsavr-messaging-access-key",
        `${messages.length} messages in ${polls} polls, ${statuses.join(" > ")}, BILLABLE`);
}

/** Starts a job on a site that asks for input and returns it with its open request, read through the SDK. */
async function jobWaitingForInput(sim, session, site) {
    const job = await createJob(sim, site);
    const request = await waitFor(`job ${job.job_id}'s credential request`, async () => {
        const requests = (await session.getJobInformationRequest(job.job_id)).body;
        return requests.length > 0 ? requests[0] : null;
    });
    assert.equal(request.job_id, job.job_id);
    return { job, request };
}

async function answerPaths(sim, helper, session) {
    const paths = [
        ["tfa", "sendJobInformation (POST .../credential_responses)", (job, request) =>
            session.sendJobInformation(job.job_id, request.envelope_id, "tfa_response", TFA_CODE)],
        ["tfa", "postCreds with account.account_link.tfa (PUT job)", (job, request) =>
            helper.postCreds({ username: sim.username, account_link: { tfa: TFA_CODE }, job_id: job.job_id,
                envelope_id: request.envelope_id })],
        ["tfa", "PUT job {\"account\":{\"tfa\"}}", (job, request) =>
            session.updateSingleSiteJob(job.job_id, { account: { tfa: TFA_CODE } }, null,
                { "x-cardsavr-envelope-id": request.envelope_id })],
        ["tfa", "PUT job {\"tfa\"}", (job, request) =>
            session.updateSingleSiteJob(job.job_id, { tfa: TFA_CODE }, null,
                { "x-cardsavr-envelope-id": request.envelope_id })],
        ["bad_email", "postCreds with new username and password", (job, request) =>
            helper.postCreds({ username: sim.username, account_link: { username: "good_email", password: "new" },
                job_id: job.job_id, envelope_id: request.envelope_id })],
        ["security", "postCreds with security answers", (job, request) =>
            helper.postCreds({ username: sim.username,
                account_link: { security_answer_1: "Rex", security_answer_2: "Springfield" },
                job_id: job.job_id, envelope_id: request.envelope_id })],
    ];
    for (const [site, how, answer] of paths) {
        const { job, request } = await jobWaitingForInput(sim, session, site);
        const reply = await answer(job, request);
        assert.equal(reply.statusCode, 200);
        const messages = await pollToTheEnd(session, job.job_id, job.access_key);
        assert.equal(terminationOf(messages), "BILLABLE", `${site} answered by ${how}`);
        const answers = (await sim.admin("GET", `/jobs/${job.job_id}`)).answers;
        assert.equal(answers.length, 1);
        pass(`answer: ${how}`, `${site} ${request.type} request, answered via ${answers[0].via}, BILLABLE`);
    }
    const wrong = await jobWaitingForInput(sim, session, "tfa");
    await session.sendJobInformation(wrong.job.job_id, wrong.request.envelope_id, "tfa_response", "0000");
    const ended = await pollToTheEnd(session, wrong.job.job_id, wrong.job.access_key);
    const last = ended.find(m => m.type === "job_status" && m.message.termination_type).message;
    assert.deepEqual([last.status, last.termination_type], ["TFA_FAILURE", "USER_DATA_FAILURE"]);
    pass("termination: a wrong code ends the job", `${last.status}, ${last.termination_type}`);
}

async function cardholderMessages(sim, session) {
    const { cardholder_id: cardholderId } = await sim.admin("POST", "/cardholders");
    const first = await createJob(sim, "good_email", { cardholder_id: cardholderId });
    const second = await createJob(sim, "site_failure", { cardholder_id: cardholderId });
    const received = [];
    await waitFor("both of the cardholder's jobs to terminate", async () => {
        received.push(...(await session.getCardholderMessages(cardholderId)).body);
        return [first, second].every(job => received.some(m => m.job_id === job.job_id && m.message.termination_type));
    });
    const endings = [first, second].map(job => terminationOf(received.filter(m => m.job_id === job.job_id)));
    assert.deepEqual(endings, ["BILLABLE", "SITE_INTERACTION_FAILURE"]);
    pass("cardholder messages: getCardholderMessages", `${received.length} messages of 2 jobs, ${endings.join(" and ")}`);
}

async function agentCalls(sim, session) {
    const job = await createJob(sim, "manual");
    const raised = await session.requestJobInformation(job.job_id, "tfa", "Enter the code we sent you",
        [{ key_name: "tfa", label: "Code", secret: true, type: "text" }]);
    const envelope = raised.body.envelope_id;
    assert.ok(envelope);
    const open = (await session.getJobInformationRequest(job.job_id)).body;
    assert.deepEqual(open.map(r => r.envelope_id), [envelope]);
    pass("requestJobInformation (POST .../credential_requests) on a manual job", "the request is polled back");

    await session.sendJobInformation(job.job_id, envelope, "tfa_response", TFA_CODE);
    const responses = (await session.getJobInformationResponse(job.job_id)).body;
    assert.deepEqual(responses.map(r => [r.envelope_id, r.type]), [[envelope, "tfa"]]);
    assert.equal(responses[0].message, TFA_CODE);
    pass("getJobInformationResponse (GET .../credential_responses)", "lists the answer");
}

async function cardholderQuery(sim, helper, session) {
    const { cardholder_id: cardholderId } = await sim.admin("POST", "/cardholders");
    const job = await createJob(sim, "tfa", { cardholder_id: cardholderId, auto_start: false });
    const query = new CardholderQuery(cardholderId, helper.getSession(sim.username), 100);
    const seen = [];
    const asked = [];
    let ended = null;
    query.addListener(job.job_id, message => {
        seen.push(message);
        if (message.type === "job_status" && message.message.termination_type) {
            ended = message.message.termination_type;
        }
    });
    // CardholderQuery reads the job hydrated with credential_requests when a PENDING_TFA status arrives.
    query.addListener(job.job_id, request => {
        asked.push(request);
        helper.postCreds({ username: sim.username, account_link: { tfa: TFA_CODE }, job_id: request.job_id,
            envelope_id: request.envelope_id }).catch(error => asked.push({ error }));
    }, "pending_tfa");
    await sim.admin("POST", `/jobs/${job.job_id}/start`);
    try {
        await waitFor(`CardholderQuery to see job ${job.job_id} end`, () => ended);
    } finally {
        query.removeAll();
    }
    assert.equal(asked.length, 1, JSON.stringify(asked.map(a => a.error ? String(a.error) : a.type)));
    assert.equal(asked[0].type, "tfa_request");
    assert.equal(ended, "BILLABLE");
    // The request handed to the listener can only have come from the hydrated job read.
    const jobReads = (await sim.admin("GET", "/requests?path=/place_card_on_single_site_jobs/" + job.job_id
        + "&method=GET")).count;
    assert.ok(jobReads >= 1);
    pass("CardholderQuery: its poller, the hydrated PENDING_TFA request, postCreds",
        `${seen.length} messages, ${jobReads} job read(s) with x-cardsavr-hydration, BILLABLE`);
}

async function errorsAndEnd(sim, helper, session) {
    try {
        await session.getSingleSiteJobs(999999, {}, { "x-cardsavr-hydration": JSON.stringify(["credential_requests"]) });
        assert.fail("an unknown job was found");
    } catch (error) {
        assert.equal(error.statusCode, 404);
        assert.equal(error.response.body._errors[0].name, "JobNotFound");
    }
    pass("errors: CardsavrRestError with the _errors body", "404 JobNotFound");
    try {
        // The SDK checks the signature of replies up to 400: this signed, plain 400 must pass that check.
        await session.getSingleSiteJobs(1, {}, { "x-cardsavr-hydration": "credential_requests" });
        assert.fail("a malformed hydration header was accepted");
    } catch (error) {
        assert.equal(error.statusCode, 400, String(error));
        assert.equal(error.response.body._errors[0].property, "x-cardsavr-hydration");
    }
    pass("errors: a signed 400 passes the SDK's signature check", "x-cardsavr-hydration not a JSON array");

    const saved = session.getSerializedSessionData();
    await session.end();
    const stale = new CardsavrSession(sim.baseUrl, sim.integratorKey, sim.integratorName, true, sim.certPem);
    stale.setTrace(sim.username, { key: "sdk-check" });
    stale.deserializeSessionData(saved);
    try {
        await stale.getCardholderMessages(1001);
        assert.fail("an ended session was still accepted");
    } catch (error) {
        assert.equal(error.statusCode, 401);
        assert.equal(error.response.body._errors[0].name, "InvalidSession");
    }
    pass("end: GET /session/end; the ended session's token answers 401 InvalidSession");
}

main().catch(error => {
    console.error(`FAILED: ${error.stack || error}`);
    process.exit(1);
});
