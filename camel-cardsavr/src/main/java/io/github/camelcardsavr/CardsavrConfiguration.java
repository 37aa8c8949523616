package io.github.camelcardsavr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import io.github.camelcardsavr.state.StateSealer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a {@code cardsavr:} endpoint. The component holds one instance as its defaults; every endpoint works on a
 * {@link #copy()} so that endpoint options override component options without leaking into other endpoints.
 */
@UriParams
public class CardsavrConfiguration implements Cloneable {

    // consumer names end up in state repository keys, where '=' and newlines are not allowed
    // messages wait on the server for an hour; a day already means the channel's content is gone
    private static final long MAX_RETRY_AFTER_CAP = 86_400_000L;

    private static final Pattern CONSUMER_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @UriPath(description = "The operation: jobStatus, cardholderMessages and credentialRequests consume;"
                           + " subscribe, credentialResponse and jobCredentials produce; jobStatus and"
                           + " credentialRequests used as producers hand jobs to a running consumer.")
    @Metadata(required = true)
    private CardsavrOperation operation;

    @UriParam(label = "common", description = "The CardSavr API base URL, e.g. https://api.acme.cardsavr.io")
    @Metadata(required = true)
    private String baseUrl;

    @UriParam(label = "security", enums = "signed,unsigned,token", defaultValue = "signed",
              description = "How to authenticate: signed (integrator name and key, username and password; signed and"
                            + " encrypted traffic as production requires), unsigned (username and password, plain"
                            + " JSON; development instances only) or token (an existing session token).")
    private AuthMode authMode = AuthMode.SIGNED;

    @UriParam(label = "security", description = "The integrator (application) name; required in signed mode.")
    private String integratorName;

    @UriParam(label = "security", secret = true,
              description = "The integrator key (base64 of 32 bytes); required in signed mode. Prefer setting it on"
                            + " the component or through a property placeholder so it never appears in a route.")
    private String integratorKey;

    @UriParam(label = "security", secret = true,
              description = "The agent username; required in signed and unsigned mode.")
    private String username;

    @UriParam(label = "security", secret = true,
              description = "The agent password; required in signed and unsigned mode.")
    private String password;

    @UriParam(label = "security", secret = true,
              description = "A session token (JWT); required in token mode.")
    private String sessionToken;

    @UriParam(label = "advanced",
              description = "The key of the x-cardsavr-trace header sent on every call (default: the username or"
                            + " integrator name).")
    private String traceKey;

    @UriParam(label = "security",
              description = "Allow plain http:// to a host other than loopback. Never in production.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security", description = "TLS settings, e.g. a trust store for a private CA.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10000",
              description = "Connect timeout in milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30000",
              description = "Response timeout in milliseconds.")
    private long responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "256",
              description = "Maximum pooled HTTP connections of the client shared by endpoints with the same settings.")
    private int maxConnections = 256;

    @UriParam(label = "advanced", defaultValue = "10485760",
              description = "Responses larger than this many bytes are rejected (protects against a runaway server).")
    private int maxResponseBytes = 10 * 1024 * 1024;

    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "common",
              description = "The job id, or a comma-separated list of job ids for the jobStatus and"
                            + " credentialRequests consumers. Producers use it when the CamelCardsavrJobId header"
                            + " is absent.")
    private String jobId;

    @UriParam(label = "consumer", description = "The cardholder id; required by the cardholderMessages consumer.")
    private Long cardholderId;

    @UriParam(label = "consumer", secret = true,
              description = "A messaging access key to use instead of subscribing (jobStatus consumer with a single"
                            + " jobId), e.g. the key returned when the job was created.")
    private String accessKey;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Stop polling a job once a message carries termination_type or percent_complete 100."
                            + " A credentialRequests consumer also lets a job go when another consumer of this"
                            + " component saw it terminate.")
    private boolean stopOnTermination = true;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "Messages polled but not yet processed successfully are kept per job, up to this many;"
                            + " while a job's buffer is full the consumer stops polling that job (the server keeps"
                            + " messages for an hour) and the readiness check reports DOWN.")
    private int maxBufferedMessagesPerJob = 1000;

    @UriParam(label = "consumer,advanced", defaultValue = "32",
              description = "At most this many HTTP polls of one consumer are in flight at once (no thread per"
                            + " job). It limits concurrency, never a job's cadence: each job is polled every delay,"
                            + " a new job takes the quietest part of the delay (its first poll comes within one delay),"
                            + " and each job's messages are routed as soon as its call returned.")
    private int maxConcurrentPolls = 32;

    @UriParam(label = "consumer",
              description = "Let a jobStatus or credentialRequests consumer start without jobId and take jobs at"
                            + " run time from a producer on the same operation and consumerName, e.g."
                            + " to(\"cardsavr:jobStatus\") with header CamelCardsavrJobId.")
    private boolean dynamicJobs;

    @UriParam(label = "common", defaultValue = "default",
              description = "Names a consumer: producers with the same operation and consumerName hand jobs to it,"
                            + " and its state repository keys start with it. Give consumers that share a state"
                            + " repository different names.")
    private String consumerName = "default";

    @UriParam(label = "consumer",
              description = "Where access keys, known and terminated jobs and not yet delivered messages are kept so"
                            + " that a restarted route resumes the same channels, e.g. a FileStateRepository.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced",
              description = "Write a job's state to the stateRepository after each completed exchange instead of"
                            + " folding what the route completed into the job's next write. A process that dies then"
                            + " delivers again at most the one exchange it was in (instead of the exchanges completed"
                            + " since the last write), at the cost of one more write per message: use it with a"
                            + " shared (JDBC) repository behind replicas that take over from each other.")
    private boolean stateWritePerExchange;

    @UriParam(label = "consumer,security", secret = true,
              description = "The secret access keys in the stateRepository are sealed with (AES-GCM, key stretched"
                            + " with PBKDF2). By default the integrator key, or in unsigned and token mode the"
                            + " password or session token; set it to keep stored keys readable across credential"
                            + " rotation, or to share state between replicas with different credentials.")
    private String stateSecret;

    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "60000",
              description = "The longest Retry-After the consumers honour, in milliseconds: a job whose server asks"
                            + " for longer is polled again after this long (and counted in the health check), so a"
                            + " wrong or hostile header cannot park a job for good.")
    private long retryAfterCap = 60_000;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "jobStatus and cardholderMessages consumers: register a second channel per job that is"
                            + " read only when a poll's reply may have drained the job's channel and was lost (cut"
                            + " connection, timeout, reply spoiled in transit, revoked key), so those messages are"
                            + " recovered instead of lost; already received ones are recognised and skipped. Costs one"
                            + " registration per job.")
    private boolean recoveryChannel = true;

    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "300000",
              description = "jobStatus consumer: a job whose last message has not come this long (milliseconds) after"
                            + " the job_timeout its latest message announced is no longer polled (logged, and counted"
                            + " in the health check), so a lost final message cannot keep a job polled for ever.")
    private long jobTimeoutMargin = 300_000;

    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "3600000",
              description = "How long CardSavr keeps messages waiting for a poll (one hour). A job not polled"
                            + " successfully for longer may have lost messages: the readiness check reports DOWN.")
    private long messageRetention = 3_600_000;

    @UriParam(label = "consumer,advanced",
              description = "credentialRequests consumer: where the envelope ids of requests the route completed are"
                            + " remembered, so that a request is routed once across restarts and across replicas that"
                            + " share the repository (e.g. a JDBC or Infinispan IdempotentRepository). In memory by"
                            + " default.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer,advanced", defaultValue = "100",
              description = "credentialRequests consumer: envelope ids remembered per job (least recently seen"
                            + " forgotten first); an envelope is also forgotten when the server no longer lists it.")
    private int maxTrackedEnvelopesPerJob = 100;

    /**
     * A copy for one endpoint: scalar options are copied, shared objects (state repository, SSL parameters) are
     * shared on purpose.
     */
    public CardsavrConfiguration copy() {
        try {
            return (CardsavrConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Checks the settings every endpoint needs: the connection settings by building the client's configuration (the
     * one place they are validated), then the component's own. Messages name the option, never a value.
     */
    public void validate() {
        try {
            clientConfig(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cardsavr: option " + e.getMessage(), e);
        }
        if (!CONSUMER_NAME.matcher(consumerName == null ? "" : consumerName).matches()) {
            throw new IllegalArgumentException(
                    "cardsavr: option consumerName may only contain letters, digits, '.', '_' and '-'");
        }
        positive(maxBufferedMessagesPerJob, "maxBufferedMessagesPerJob");
        positive(maxConcurrentPolls, "maxConcurrentPolls");
        positive(maxTrackedEnvelopesPerJob, "maxTrackedEnvelopesPerJob");
        if (jobTimeoutMargin < 0) {
            throw new IllegalArgumentException("cardsavr: option jobTimeoutMargin must not be negative, got "
                                               + jobTimeoutMargin);
        }
        if (messageRetention <= 0) {
            throw new IllegalArgumentException("cardsavr: option messageRetention must be positive, got "
                                               + messageRetention);
        }
        if (retryAfterCap < 0 || retryAfterCap > MAX_RETRY_AFTER_CAP) {
            throw new IllegalArgumentException("cardsavr: option retryAfterCap must be between 0 and "
                                               + MAX_RETRY_AFTER_CAP + " ms (one day), got " + retryAfterCap);
        }
        jobIds(); // fails early on a malformed list
    }

    /**
     * The client configuration these options describe. Endpoints whose client configurations are equal share one
     * client, i.e. one login and one connection pool.
     *
     * @param  sslContext the TLS context made from {@link #getSslContextParameters()}, or null for the JVM default
     * @throws IllegalArgumentException naming the first missing or invalid connection setting
     */
    public CardsavrClientConfig clientConfig(SSLContext sslContext) {
        CardsavrClientConfig.Builder b = CardsavrClientConfig.builder()
                .baseUrl(baseUrl)
                .authMode(authMode)
                .integratorName(integratorName)
                .integratorKey(integratorKey)
                .username(username)
                .password(password)
                .sessionToken(sessionToken)
                .traceKey(traceKey)
                .allowInsecureHttp(allowInsecureHttp)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                .maxConnections(maxConnections)
                .maxResponseBytes(maxResponseBytes)
                .sslContext(sslContext);
        if (proxyHost != null) {
            b.proxyHost(proxyHost);
        }
        if (proxyPort != null) {
            b.proxyPort(proxyPort);
        }
        return b.build();
    }

    /**
     * How consumer state is sealed: with stateSecret if set, else with what only the configured credentials hold (the
     * integrator key; else the password or session token, stretched with PBKDF2 and a salt kept in the repository), so
     * that a copy of the state alone does not reveal access keys.
     */
    public StateSealer stateSealer(StateRepository<String, String> repository, String prefix) {
        String saltKey = prefix + ".salt";
        if (!isBlank(stateSecret)) {
            return StateSealer.fromPassword(stateSecret, repository, saltKey);
        }
        if (!isBlank(integratorKey)) {
            return StateSealer.fromKey(integratorKey);
        }
        String secret = !isBlank(password) ? username + ":" + password : sessionToken;
        return StateSealer.fromPassword(secret, repository, saltKey);
    }

    /** Validates what only a consumer of the configured operation needs. */
    public void validateForConsumer() {
        if (!operation.supportsConsumer()) {
            throw new IllegalArgumentException("cardsavr:" + operation + " is a producer operation; use it in to()");
        }
        if (operation == CardsavrOperation.cardholderMessages && cardholderId == null) {
            throw new IllegalArgumentException("cardsavr:cardholderMessages requires option cardholderId");
        }
        if (operation != CardsavrOperation.cardholderMessages && jobIds().isEmpty() && !dynamicJobs) {
            throw new IllegalArgumentException("cardsavr:" + operation + " requires option jobId (one id or a comma"
                                               + " list), or dynamicJobs=true to take jobs from a producer at run time");
        }
        if (accessKey != null && jobIds().size() != 1) {
            throw new IllegalArgumentException("cardsavr: option accessKey belongs to one job; set exactly one jobId");
        }
    }

    /** The job ids of option jobId, in the given order, without duplicates. */
    public List<Long> jobIds() {
        if (isBlank(jobId)) {
            return Collections.emptyList();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : jobId.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "cardsavr: option jobId must be a job id or a comma-separated list of job ids, got '" + p + "'");
            }
            if (id <= 0) {
                throw new IllegalArgumentException("cardsavr: option jobId must hold positive ids, got " + id);
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void positive(int value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException("cardsavr: option " + option + " must be positive, got " + value);
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    // URI query decoding turns '+' into ' ', and base64 never contains spaces: put the '+' back
    private static String restorePlus(String base64) {
        return base64 == null ? null : base64.replace(' ', '+');
    }

    public CardsavrOperation getOperation() {
        return operation;
    }

    public void setOperation(CardsavrOperation operation) {
        this.operation = operation;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getIntegratorName() {
        return integratorName;
    }

    public void setIntegratorName(String integratorName) {
        this.integratorName = integratorName;
    }

    public String getIntegratorKey() {
        return integratorKey;
    }

    public void setIntegratorKey(String integratorKey) {
        this.integratorKey = restorePlus(integratorKey);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getTraceKey() {
        return traceKey;
    }

    public void setTraceKey(String traceKey) {
        this.traceKey = traceKey;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(int maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Long getCardholderId() {
        return cardholderId;
    }

    public void setCardholderId(Long cardholderId) {
        this.cardholderId = cardholderId;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = restorePlus(accessKey);
    }

    public boolean isStopOnTermination() {
        return stopOnTermination;
    }

    public void setStopOnTermination(boolean stopOnTermination) {
        this.stopOnTermination = stopOnTermination;
    }

    public int getMaxBufferedMessagesPerJob() {
        return maxBufferedMessagesPerJob;
    }

    public void setMaxBufferedMessagesPerJob(int maxBufferedMessagesPerJob) {
        this.maxBufferedMessagesPerJob = maxBufferedMessagesPerJob;
    }

    public int getMaxConcurrentPolls() {
        return maxConcurrentPolls;
    }

    public void setMaxConcurrentPolls(int maxConcurrentPolls) {
        this.maxConcurrentPolls = maxConcurrentPolls;
    }

    public boolean isDynamicJobs() {
        return dynamicJobs;
    }

    public void setDynamicJobs(boolean dynamicJobs) {
        this.dynamicJobs = dynamicJobs;
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public boolean isRecoveryChannel() {
        return recoveryChannel;
    }

    public void setRecoveryChannel(boolean recoveryChannel) {
        this.recoveryChannel = recoveryChannel;
    }

    public long getJobTimeoutMargin() {
        return jobTimeoutMargin;
    }

    public void setJobTimeoutMargin(long jobTimeoutMargin) {
        this.jobTimeoutMargin = jobTimeoutMargin;
    }

    public long getMessageRetention() {
        return messageRetention;
    }

    public void setMessageRetention(long messageRetention) {
        this.messageRetention = messageRetention;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isStateWritePerExchange() {
        return stateWritePerExchange;
    }

    public void setStateWritePerExchange(boolean stateWritePerExchange) {
        this.stateWritePerExchange = stateWritePerExchange;
    }

    public String getStateSecret() {
        return stateSecret;
    }

    public void setStateSecret(String stateSecret) {
        this.stateSecret = stateSecret;
    }

    public long getRetryAfterCap() {
        return retryAfterCap;
    }

    public void setRetryAfterCap(long retryAfterCap) {
        this.retryAfterCap = retryAfterCap;
    }

    public int getMaxTrackedEnvelopesPerJob() {
        return maxTrackedEnvelopesPerJob;
    }

    public void setMaxTrackedEnvelopesPerJob(int maxTrackedEnvelopesPerJob) {
        this.maxTrackedEnvelopesPerJob = maxTrackedEnvelopesPerJob;
    }

    @Override
    public String toString() {
        // only non-secret settings: this may end up in logs
        return "CardsavrConfiguration[operation=" + operation + ", baseUrl=" + baseUrl + ", authMode=" + authMode
               + ", jobId=" + jobId + ", cardholderId=" + cardholderId + ", consumerName=" + consumerName + "]";
    }
}
