/* Generated from the cardsavr component catalog by StarterSources: do not edit. */
package io.github.camelcardsavr.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Consume job status, cardholder messages and credential requests from Strivve CardSavr and answer
 * them. Spring Boot properties camel.component.cardsavr.*, one per component option. Regenerate
 * with: mvn -B -ntp -pl camel-cardsavr-starter -am test -Dtest=StarterSourcesAreUpToDateTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcardsavr.starter.update=true
 */
@ConfigurationProperties(prefix = "camel.component.cardsavr")
public class CardsavrComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The properties whose values are secrets (names under the prefix).
     */
    public static final List<String> SECRET_PROPERTIES = List.of(
            "access-key",
            "integrator-key",
            "password",
            "session-token",
            "state-secret",
            "username");

    /**
     * The types of the properties that refer to a bean (#beanName).
     */
    public static final List<Class<?>> BEAN_REFERENCE_TYPES = List.of(
            io.github.camelcardsavr.CardsavrConfiguration.class,
            org.apache.camel.spi.StateRepository.class,
            org.apache.camel.spi.IdempotentRepository.class,
            org.apache.camel.support.jsse.SSLContextParameters.class);

    /**
     * Whether to enable auto configuration of the cardsavr component. This is enabled by default.
     */
    private Boolean enabled = true;

    /**
     * The CardSavr API base URL, e.g. https://api.acme.cardsavr.io. Required.
     */
    private String baseUrl;

    /**
     * Default options for every cardsavr endpoint; an endpoint option overrides its value. The
     * option is a io.github.camelcardsavr.CardsavrConfiguration type. Set it to #beanName to use a
     * bean of that type.
     */
    private io.github.camelcardsavr.CardsavrConfiguration configuration;

    /**
     * Names a consumer: producers with the same operation and consumerName hand jobs to it, and its
     * state repository keys start with it. Give consumers that share a state repository different
     * names.
     */
    private String consumerName = "default";

    /**
     * The job id, or a comma-separated list of job ids for the jobStatus and credentialRequests
     * consumers. Producers use it when the CamelCardsavrJobId header is absent.
     */
    private String jobId;

    /**
     * A messaging access key to use instead of subscribing (jobStatus consumer with a single
     * jobId), e.g. the key returned when the job was created. This is a secret: set it from the
     * environment or a secret store, never in a committed file; Actuator masks its value in /env
     * and /configprops.
     */
    private String accessKey;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any
     * exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
     * messages, or the likes, will now be processed as a message and handled by the routing Error
     * Handler. Important: This is only possible if the 3rd party component allows Camel to be
     * alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By
     * default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with
     * exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * The cardholder id; required by the cardholderMessages consumer.
     */
    private Long cardholderId;

    /**
     * Let a jobStatus or credentialRequests consumer start without jobId and take jobs at run time
     * from a producer on the same operation and consumerName, e.g. to(cardsavr:jobStatus) with
     * header CamelCardsavrJobId.
     */
    private Boolean dynamicJobs = false;

    /**
     * Messages polled but not yet processed successfully are kept per job, up to this many; while a
     * job's buffer is full the consumer stops polling that job (the server keeps messages for an
     * hour) and the readiness check reports DOWN.
     */
    private Integer maxBufferedMessagesPerJob = 1000;

    /**
     * jobStatus and cardholderMessages consumers: register a second channel per job that is read
     * only when a poll's reply may have drained the job's channel and was lost (cut connection,
     * timeout, reply spoiled in transit, revoked key), so those messages are recovered instead of
     * lost; already received ones are recognised and skipped. Costs one registration per job.
     */
    private Boolean recoveryChannel = true;

    /**
     * Where access keys, known and terminated jobs and not yet delivered messages are kept so that
     * a restarted route resumes the same channels, e.g. a FileStateRepository. The option is a
     * org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> type. Set it to
     * #beanName to use a bean of that type.
     */
    private org.apache.camel.spi.StateRepository stateRepository;

    /**
     * Stop polling a job once a message carries termination_type or percent_complete 100. A
     * credentialRequests consumer also lets a job go when another consumer of this component saw it
     * terminate.
     */
    private Boolean stopOnTermination = true;

    /**
     * credentialRequests consumer: where the envelope ids of requests the route completed are
     * remembered, so that a request is routed once across restarts and across replicas that share
     * the repository (e.g. a JDBC or Infinispan IdempotentRepository). In memory by default. The
     * option is a org.apache.camel.spi.IdempotentRepository type. Set it to #beanName to use a bean
     * of that type.
     */
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    /**
     * jobStatus consumer: a job whose last message has not come this long (milliseconds) after the
     * job_timeout its latest message announced is no longer polled (logged, and counted in the
     * health check), so a lost final message cannot keep a job polled for ever. Takes a number of
     * milliseconds or a duration such as 10s or 1m.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration jobTimeoutMargin = Duration.ofMillis(300000L);

    /**
     * At most this many HTTP polls of one consumer are in flight at once (no thread per job). It
     * limits concurrency, never a job's cadence: each job is polled every delay, a new job takes
     * the quietest part of the delay (its first poll comes within one delay), and each job's
     * messages are routed as soon as its call returned.
     */
    private Integer maxConcurrentPolls = 32;

    /**
     * credentialRequests consumer: envelope ids remembered per job (least recently seen forgotten
     * first); an envelope is also forgotten when the server no longer lists it.
     */
    private Integer maxTrackedEnvelopesPerJob = 100;

    /**
     * How long CardSavr keeps messages waiting for a poll (one hour). A job not polled successfully
     * for longer may have lost messages: the readiness check reports DOWN. Takes a number of
     * milliseconds or a duration such as 10s or 1m.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration messageRetention = Duration.ofMillis(3600000L);

    /**
     * The longest Retry-After the consumers honour, in milliseconds: a job whose server asks for
     * longer is polled again after this long (and counted in the health check), so a wrong or
     * hostile header cannot park a job for good. Takes a number of milliseconds or a duration such
     * as 10s or 1m.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryAfterCap = Duration.ofMillis(60000L);

    /**
     * Write a job's state to the stateRepository after each completed exchange instead of folding
     * what the route completed into the job's next write. A process that dies then delivers again
     * at most the one exchange it was in (instead of the exchanges completed since the last write),
     * at the cost of one more write per message: use it with a shared (JDBC) repository behind
     * replicas that take over from each other.
     */
    private Boolean stateWritePerExchange = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can
     * use this to allow CamelContext and routes to startup in situations where a producer may
     * otherwise fail during starting and cause the route to fail being started. By deferring this
     * startup to be lazy then the startup failure can be handled during routing messages via
     * Camel's routing error handlers. Beware that when the first message is processed then creating
     * and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
     * be marked as autowired) by looking up in the registry to find if there is a single instance
     * of matching type, which then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Connect timeout in milliseconds. Takes a number of milliseconds or a duration such as 10s or
     * 1m.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofMillis(10000L);

    /**
     * Maximum pooled HTTP connections of the client shared by endpoints with the same settings.
     */
    private Integer maxConnections = 256;

    /**
     * Responses larger than this many bytes are rejected (protects against a runaway server).
     */
    private Integer maxResponseBytes = 10485760;

    /**
     * Response timeout in milliseconds. Takes a number of milliseconds or a duration such as 10s or
     * 1m.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration responseTimeout = Duration.ofMillis(30000L);

    /**
     * The key of the x-cardsavr-trace header sent on every call (default: the username or
     * integrator name).
     */
    private String traceKey;

    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice:
     * Camel has by default disabled all producer based health-checks. You can turn on producer
     * checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * Allow plain http:// to a host other than loopback. Never in production.
     */
    private Boolean allowInsecureHttp = false;

    /**
     * How to authenticate: signed (integrator name and key, username and password; signed and
     * encrypted traffic as production requires), unsigned (username and password, plain JSON;
     * development instances only) or token (an existing session token).
     */
    private io.github.camelcardsavr.client.AuthMode authMode = io.github.camelcardsavr.client.AuthMode.SIGNED;

    /**
     * The integrator key (base64 of 32 bytes); required in signed mode. Prefer setting it on the
     * component or through a property placeholder so it never appears in a route. This is a secret:
     * set it from the environment or a secret store, never in a committed file; Actuator masks its
     * value in /env and /configprops.
     */
    private String integratorKey;

    /**
     * The integrator (application) name; required in signed mode.
     */
    private String integratorName;

    /**
     * The agent password; required in signed and unsigned mode. This is a secret: set it from the
     * environment or a secret store, never in a committed file; Actuator masks its value in /env
     * and /configprops.
     */
    private String password;

    /**
     * A session token (JWT); required in token mode. This is a secret: set it from the environment
     * or a secret store, never in a committed file; Actuator masks its value in /env and
     * /configprops.
     */
    private String sessionToken;

    /**
     * TLS settings, e.g. a trust store for a private CA. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type. Set it to #beanName to use a bean of
     * that type.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;

    /**
     * The secret access keys in the stateRepository are sealed with (AES-GCM, key stretched with
     * PBKDF2). By default the integrator key, or in unsigned and token mode the password or session
     * token; set it to keep stored keys readable across credential rotation, or to share state
     * between replicas with different credentials. This is a secret: set it from the environment or
     * a secret store, never in a committed file; Actuator masks its value in /env and /configprops.
     */
    private String stateSecret;

    /**
     * The agent username; required in signed and unsigned mode. This is a secret: set it from the
     * environment or a secret store, never in a committed file; Actuator masks its value in /env
     * and /configprops.
     */
    private String username;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public io.github.camelcardsavr.CardsavrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelcardsavr.CardsavrConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Long getCardholderId() {
        return cardholderId;
    }

    public void setCardholderId(Long cardholderId) {
        this.cardholderId = cardholderId;
    }

    public Boolean getDynamicJobs() {
        return dynamicJobs;
    }

    public void setDynamicJobs(Boolean dynamicJobs) {
        this.dynamicJobs = dynamicJobs;
    }

    public Integer getMaxBufferedMessagesPerJob() {
        return maxBufferedMessagesPerJob;
    }

    public void setMaxBufferedMessagesPerJob(Integer maxBufferedMessagesPerJob) {
        this.maxBufferedMessagesPerJob = maxBufferedMessagesPerJob;
    }

    public Boolean getRecoveryChannel() {
        return recoveryChannel;
    }

    public void setRecoveryChannel(Boolean recoveryChannel) {
        this.recoveryChannel = recoveryChannel;
    }

    public org.apache.camel.spi.StateRepository getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Boolean getStopOnTermination() {
        return stopOnTermination;
    }

    public void setStopOnTermination(Boolean stopOnTermination) {
        this.stopOnTermination = stopOnTermination;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Duration getJobTimeoutMargin() {
        return jobTimeoutMargin;
    }

    public void setJobTimeoutMargin(Duration jobTimeoutMargin) {
        this.jobTimeoutMargin = jobTimeoutMargin;
    }

    public Integer getMaxConcurrentPolls() {
        return maxConcurrentPolls;
    }

    public void setMaxConcurrentPolls(Integer maxConcurrentPolls) {
        this.maxConcurrentPolls = maxConcurrentPolls;
    }

    public Integer getMaxTrackedEnvelopesPerJob() {
        return maxTrackedEnvelopesPerJob;
    }

    public void setMaxTrackedEnvelopesPerJob(Integer maxTrackedEnvelopesPerJob) {
        this.maxTrackedEnvelopesPerJob = maxTrackedEnvelopesPerJob;
    }

    public Duration getMessageRetention() {
        return messageRetention;
    }

    public void setMessageRetention(Duration messageRetention) {
        this.messageRetention = messageRetention;
    }

    public Duration getRetryAfterCap() {
        return retryAfterCap;
    }

    public void setRetryAfterCap(Duration retryAfterCap) {
        this.retryAfterCap = retryAfterCap;
    }

    public Boolean getStateWritePerExchange() {
        return stateWritePerExchange;
    }

    public void setStateWritePerExchange(Boolean stateWritePerExchange) {
        this.stateWritePerExchange = stateWritePerExchange;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Integer maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getTraceKey() {
        return traceKey;
    }

    public void setTraceKey(String traceKey) {
        this.traceKey = traceKey;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public io.github.camelcardsavr.client.AuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(io.github.camelcardsavr.client.AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getIntegratorKey() {
        return integratorKey;
    }

    public void setIntegratorKey(String integratorKey) {
        this.integratorKey = integratorKey;
    }

    public String getIntegratorName() {
        return integratorName;
    }

    public void setIntegratorName(String integratorName) {
        this.integratorName = integratorName;
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

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getStateSecret() {
        return stateSecret;
    }

    public void setStateSecret(String stateSecret) {
        this.stateSecret = stateSecret;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
