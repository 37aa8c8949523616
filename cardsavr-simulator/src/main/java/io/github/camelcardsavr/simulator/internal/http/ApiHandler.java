package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.camelcardsavr.simulator.internal.ApiProblem;
import io.github.camelcardsavr.simulator.internal.Json;

/**
 * Entry point of every CardSavr API request: counts it, picks its faults, checks the trace header, routes
 * it and writes the answer. Latency faults park the request on the scheduler instead of a worker thread,
 * so slow responses do not starve the fixed worker pool.
 */
final class ApiHandler implements HttpHandler {

    static final String TRACE_HEADER = "x-cardsavr-trace";
    private static final System.Logger LOG = System.getLogger("io.github.camelcardsavr.simulator.http");

    private final ApiRoutes routes;
    private final WireSecurity security;
    private final ResponseWriter writer;
    private final FaultState faults;
    private final RequestCounter counter;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;

    ApiHandler(ApiRoutes routes, WireSecurity security, ResponseWriter writer, FaultState faults,
            RequestCounter counter, ScheduledExecutorService scheduler, Executor workers) {
        this.routes = routes;
        this.security = security;
        this.writer = writer;
        this.faults = faults;
        this.counter = counter;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiRequest request = ApiRequest.read(exchange);
        counter.record(request.method, request.path);
        FaultPlan plan = faults.plan(request.path);
        if (plan.latencyMillis > 0 && !plan.drop) {
            try {
                scheduler.schedule(() -> workers.execute(() -> processLater(request, plan)), plan.latencyMillis,
                        TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                // Shutting down: answer at once rather than never.
            }
        }
        process(request, plan);
    }

    private void processLater(ApiRequest request, FaultPlan plan) {
        try {
            process(request, plan);
        } catch (IOException | RuntimeException e) {
            // The client most likely gave up waiting; nothing else to tell it.
            LOG.log(Level.DEBUG, () -> "Delayed response to " + request.describe() + " not delivered: "
                    + e.getClass().getSimpleName());
            request.exchange.close();
        }
    }

    private void process(ApiRequest request, FaultPlan plan) throws IOException {
        ApiResponse response;
        boolean login = ApiRoutes.isLogin(request);
        security.chooseResponseKey(request, login);
        try {
            requireTrace(request);
            if (plan.errorStatus != 0) {
                throw injectedError(plan);
            }
            response = routes.dispatch(request);
        } catch (ApiProblem problem) {
            response = ApiResponse.error(problem);
        } catch (RuntimeException e) {
            // A simulator bug: answer 500 and name only the exception type, never its (data-bearing) message.
            LOG.log(Level.WARNING, () -> "Unexpected " + e.getClass().getName() + " handling " + request.describe()
                    + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            response = ApiResponse.error(new ApiProblem(500, "InternalError", "The simulator failed unexpectedly", null));
        }
        int status = response.status();
        try {
            writer.write(request, response, plan);
        } finally {
            LOG.log(Level.DEBUG, () -> request.describe() + " -> " + status + " ("
                    + (System.nanoTime() - request.startNanos) / 1_000_000 + " ms)");
        }
    }

    /** CardSavr refuses calls without a trace object; it is how the service correlates a session's calls. */
    private static void requireTrace(ApiRequest request) {
        String trace = request.header(TRACE_HEADER);
        if (trace == null) {
            throw ApiProblem.badRequest("Header x-cardsavr-trace is required, e.g. {\"key\":\"my_trace\"}",
                    TRACE_HEADER);
        }
        try {
            Json.readObject(trace.getBytes(StandardCharsets.UTF_8));
        } catch (Json.MalformedJsonException e) {
            throw ApiProblem.badRequest("Header x-cardsavr-trace must be a JSON object, e.g. {\"key\":\"my_trace\"}",
                    TRACE_HEADER);
        }
    }

    private static ApiProblem injectedError(FaultPlan plan) {
        int status = plan.errorStatus;
        if (status == 429) {
            return new ApiProblem(429, "TooManyRequests",
                    "Too many requests; retry after " + plan.retryAfterSeconds + " seconds", null,
                    Map.of("Retry-After", Integer.toString(plan.retryAfterSeconds)));
        }
        String name = switch (status) {
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "SimulatedError";
        };
        Map<String, String> headers = plan.retryAfterSeconds >= 0
                ? Map.of("Retry-After", Integer.toString(plan.retryAfterSeconds))
                : Map.of();
        return new ApiProblem(status, name, "Injected fault: HTTP " + status, null, headers);
    }
}
