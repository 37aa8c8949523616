package io.github.camelcardsavr;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.consumer.JobStatusConsumer;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Option handling: required settings, component/endpoint precedence, secret masking and client sharing.
 */
class CardsavrComponentConfigurationTest extends CardsavrTestSupport {

    private static final String KEY = "c2VjcmV0LWludGVncmF0b3Ita2V5LTMyLWJ5dGVzISE=";

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("barecardsavr", new CardsavrComponent());
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    @Test
    void missingBaseUrlFailsAtEndpointCreationNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("barecardsavr:subscribe?username=u&password=p&authMode=unsigned"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(rootMessage(e)).contains("baseUrl"));
    }

    @Test
    void missingCredentialsPerAuthModeNameTheOption() {
        String base = "barecardsavr:subscribe?baseUrl=http://127.0.0.1:1";
        assertThatThrownBy(() -> context.getEndpoint(base + "&integratorName=n&username=u&password=p"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("integratorKey").contains("signed"));
        assertThatThrownBy(() -> context.getEndpoint(base + "&authMode=unsigned&username=u"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("password"));
        assertThatThrownBy(() -> context.getEndpoint(base + "&authMode=token"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("sessionToken"));
        assertThatThrownBy(() -> context.getEndpoint(base + "&authMode=weird"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("authMode"));
        assertThatThrownBy(() -> context.getEndpoint("cardsavr:nonsense"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("nonsense").contains("jobStatus"));
        assertThatThrownBy(() -> context.getEndpoint("cardsavr:subscribe?jobId=12,abc"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("jobId"));
    }

    @Test
    void consumerOnlyRequirementsFailWhenTheRouteIsCreated() {
        assertThatThrownBy(() -> context.addRoutes(route("cardsavr:jobStatus")))
                .isInstanceOf(org.apache.camel.FailedToStartRouteException.class)
                .satisfies(e -> assertThat(rootMessage(e)).contains("jobId").contains("dynamicJobs"));
        assertThatThrownBy(() -> context.addRoutes(route("cardsavr:cardholderMessages")))
                .satisfies(e -> assertThat(rootMessage(e)).contains("cardholderId"));
        assertThatThrownBy(() -> context.addRoutes(route("cardsavr:credentialRequests")))
                .satisfies(e -> assertThat(rootMessage(e)).contains("jobId"));
        assertThatThrownBy(() -> context.addRoutes(route("cardsavr:subscribe?jobId=1")))
                .satisfies(e -> assertThat(rootMessage(e)).contains("producer operation"));
        assertThatThrownBy(() -> context.addRoutes(route("cardsavr:jobStatus?jobId=1,2&accessKey=k")))
                .satisfies(e -> assertThat(rootMessage(e)).contains("accessKey"));
    }

    private static RouteBuilder route(String from) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to("mock:never");
            }
        };
    }

    @Test
    void endpointOptionsOverrideComponentOptionsWithoutLeaking() {
        CardsavrEndpoint special = context.getEndpoint("cardsavr:subscribe?jobId=7&connectTimeout=2s",
                CardsavrEndpoint.class);
        CardsavrEndpoint plain = context.getEndpoint("cardsavr:subscribe", CardsavrEndpoint.class);

        assertThat(special.getConfiguration().getJobId()).isEqualTo("7");
        assertThat(special.getConfiguration().getConnectTimeout()).isEqualTo(2000);
        assertThat(special.getConfiguration().getBaseUrl()).isEqualTo(simulator.getBaseUrl());
        assertThat(plain.getConfiguration().getJobId()).isNull();
        assertThat(plain.getConfiguration().getConnectTimeout()).isEqualTo(10_000);
        assertThat(special.getServiceUrl()).isEqualTo(simulator.getBaseUrl());
        assertThat(special.getServiceProtocol()).isEqualTo("rest");
    }

    @Test
    void consumerPollsEveryFiveSecondsByDefault() throws Exception {
        context.addRoutes(route("cardsavr:jobStatus?jobId=1&initialDelay=60000"));
        JobStatusConsumer consumer = (JobStatusConsumer) context.getRoutes().get(0).getConsumer();
        assertThat(consumer.getDelay()).isEqualTo(5000);
        CardsavrEndpoint faster = context.getEndpoint("cardsavr:jobStatus?jobId=1&delay=250", CardsavrEndpoint.class);
        assertThat(faster.getDelay()).isEqualTo(250);
    }

    @Test
    void secretsAreMaskedWhereverCamelPrintsTheEndpoint() throws Exception {
        String uri = "barecardsavr:jobStatus?baseUrl=" + simulator.getBaseUrl() + "&integratorName=acme"
                     + "&integratorKey=RAW(" + KEY + ")&username=agent007&password=pa55word"
                     + "&jobId=1&accessKey=theAccessKey&initialDelay=60000";
        CardsavrEndpoint endpoint = context.getEndpoint(uri, CardsavrEndpoint.class);

        for (String printed : new String[] {
                endpoint.toString(), endpoint.getEndpointUri(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                endpoint.getEndpointBaseUri() }) {
            assertThat(printed).doesNotContain(KEY).doesNotContain("c2VjcmV0");
        }
        String sanitized = URISupport.sanitizeUri(endpoint.getEndpointUri());
        assertThat(sanitized).contains("integratorKey=xxxxxx").contains("password=xxxxxx")
                .contains("username=xxxxxx").contains("accessKey=xxxxxx")
                .doesNotContain("pa55word").doesNotContain("agent007").doesNotContain("theAccessKey");
        // and the option still works: the endpoint was configured with the real key
        assertThat(endpoint.getConfiguration().getIntegratorKey()).isEqualTo(KEY);
        // a URI someone else builds with the key is masked by Camel itself, as the component registered the name
        assertThat(URISupport.sanitizeUri("cardsavr:subscribe?integratorKey=" + KEY)).doesNotContain(KEY);
        assertThat(context.getCamelContextExtension().getAdditionalSensitiveKeywords()).contains("integratorKey");
    }

    @Test
    void routeDumpsAndEndpointListingsDoNotShowTheIntegratorKey() throws Exception {
        context.getPropertiesComponent().addInitialProperty("cardsavr.integratorKey", KEY);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=5&initialDelay=60000&integratorKey={{cardsavr.integratorKey}}")
                        .routeId("masked").to("mock:out");
            }
        });
        String dump = PluginHelper.getModelToXMLDumper(context)
                .dumpModelAsXml(context, context.getRouteDefinition("masked"));
        assertThat(dump).contains("cardsavr:jobStatus").doesNotContain(KEY);
        assertThat(context.getEndpoints().toString()).doesNotContain(KEY);
        assertThat(context.getRoute("masked").getEndpoint().getEndpointUri()).doesNotContain(KEY);
    }

    @Test
    void endpointsWithTheSameSettingsShareOneClientUntilTheLastStops() throws Exception {
        CardsavrEndpoint a = context.getEndpoint("cardsavr:subscribe?jobId=1", CardsavrEndpoint.class);
        CardsavrEndpoint b = context.getEndpoint("cardsavr:credentialResponse?jobId=2", CardsavrEndpoint.class);
        CardsavrEndpoint other = context.getEndpoint("cardsavr:subscribe?jobId=1&responseTimeout=5s",
                CardsavrEndpoint.class);
        CardsavrClient clientA = a.getClient();
        assertThat(b.getClient()).isSameAs(clientA);
        assertThat(other.getClient()).isNotSameAs(clientA);
        CardsavrComponent component = (CardsavrComponent) a.getComponent();
        assertThat(component.getClients().size()).isEqualTo(2);

        a.stop();
        assertThat(clientA.isClosed()).isFalse();
        b.stop();
        assertThat(clientA.isClosed()).isTrue();
        assertThat(component.getClients().size()).isEqualTo(1);
    }
}
