package io.github.camelcardsavr;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code cardsavr:} component: Strivve CardSavr job status, cardholder messages and credential requests.
 */
@Component("cardsavr")
public class CardsavrComponent extends HealthCheckComponent {

    /** Camel's built-in list of sensitive option names lacks this one; see {@link #registerSensitiveOptionName}. */
    static final String INTEGRATOR_KEY = "integratorKey";

    // the value of integratorKey in a URI query: RAW(...), RAW{...} or plain up to the next '&'
    private static final Pattern INTEGRATOR_KEY_PARAM = Pattern.compile(
            "([?&]" + INTEGRATOR_KEY + "=)(RAW\\([^)]*\\)|RAW\\{[^}]*\\}|[^&]*)", Pattern.CASE_INSENSITIVE);

    @Metadata(description = "Default options for every cardsavr endpoint; an endpoint option overrides its value.")
    private CardsavrConfiguration configuration = new CardsavrConfiguration();

    private final CardsavrClientRegistry clients = new CardsavrClientRegistry();
    private final CardsavrJobDirectory jobDirectory = new CardsavrJobDirectory();
    private ExecutorService replyExecutor;
    // one TLS context per parameters object, so endpoints sharing the parameters share one client
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();

    public CardsavrComponent() {
    }

    public CardsavrComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CardsavrConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(CardsavrOperation.fromPath(remaining));
        CardsavrEndpoint endpoint = new CardsavrEndpoint(withoutIntegratorKeyValue(uri), this, endpointConfiguration);
        PipeEncodedOptions.decodeIfEncoded(getCamelContext(), parameters);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        registerSensitiveOptionName(getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        clients.closeAll();
        synchronized (this) {
            sslContexts.clear();
            if (replyExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(replyExecutor);
                replyExecutor = null;
            }
        }
        super.doStop();
    }

    /**
     * Threads on which producers continue routing after a reply: the HTTP client's few I/O threads must never run
     * route steps (which may block, or call CardSavr again and wait).
     */
    public synchronized ExecutorService getReplyExecutor() {
        if (replyExecutor == null) {
            replyExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "CardsavrReply");
        }
        return replyExecutor;
    }

    /**
     * Adds integratorKey to the context's additional sensitive keywords (merging with any the user configured, e.g.
     * camel.main.additionalSensitiveKeywords) so that URISupport.sanitizeUri and log masking hide its value.
     */
    static void registerSensitiveOptionName(CamelContext camelContext) {
        ExtendedCamelContext ecc = camelContext.getCamelContextExtension();
        String current = ecc.getAdditionalSensitiveKeywords();
        if (current == null || current.isBlank()) {
            ecc.setAdditionalSensitiveKeywords(INTEGRATOR_KEY);
        } else if (!current.toLowerCase(Locale.ROOT).contains(INTEGRATOR_KEY.toLowerCase(Locale.ROOT))) {
            ecc.setAdditionalSensitiveKeywords(current + "," + INTEGRATOR_KEY);
        }
    }

    /**
     * The URI the endpoint reports (toString, JMX, health checks, logs). Camel's sanitizer masks additional keywords
     * only once per URI and another library may replace that keyword list, so the value is taken out here as well: the
     * endpoint URI never carries the integrator key.
     */
    static String withoutIntegratorKeyValue(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = INTEGRATOR_KEY_PARAM.matcher(uri);
        return m.find() ? m.replaceAll("$1xxxxxx") : uri;
    }

    /** The TLS context for these parameters (made once per parameters object), or null for the JVM default. */
    synchronized SSLContext sslContextFor(SSLContextParameters parameters) throws GeneralSecurityException, IOException {
        if (parameters == null) {
            return null;
        }
        SSLContext context = sslContexts.get(parameters);
        if (context == null) {
            context = parameters.createSSLContext(getCamelContext());
            sslContexts.put(parameters, context);
        }
        return context;
    }

    CardsavrClientRegistry getClients() {
        return clients;
    }

    public CardsavrJobDirectory getJobDirectory() {
        return jobDirectory;
    }

    public CardsavrConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Default options for every cardsavr endpoint; an endpoint option overrides its value.
     */
    public void setConfiguration(CardsavrConfiguration configuration) {
        this.configuration = configuration;
    }
}
