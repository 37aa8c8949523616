package io.github.camelcardsavr;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JMX on (camel-management on the class path, as in most deployments), what the MBeans of the context, its
 * component, endpoints, routes and consumers show: every readable attribute of every MBean of the context, secrets
 * written into the endpoint URIs included, holds no password, integrator key, session token, access key or username —
 * the URIs show {@code xxxxxx} instead.
 */
class JmxMaskingTest {

    private static final String USERNAME = "jmx-agent-2c9f";
    private static final String PASSWORD = "jmx-password-8e1a";

    @Test
    void mbeanAttributesShowMaskedValuesOnly() throws Exception {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().user(USERNAME, PASSWORD).start()) {
            CreatedJob job = simulator.admin().createJob(SimulatorSites.MANUAL);
            String token = simulator.admin().issueSessionToken(USERNAME);
            String signed = "baseUrl=" + simulator.getBaseUrl() + "&integratorName=" + simulator.getIntegratorName()
                            + "&integratorKey=RAW(" + simulator.getIntegratorKey() + ")&username=" + USERNAME
                            + "&password=RAW(" + PASSWORD + ")";
            DefaultCamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("jmx-masking");
            context.addComponent("cardsavr", new CardsavrComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?jobId=" + job.jobId() + "&accessKey=RAW(" + job.accessKey() + ")&" + signed
                         + "&delay=20&initialDelay=0").routeId("status").to("mock:status");
                    from("direct:subscribe").routeId("subscribe")
                            .to("cardsavr:subscribe?authMode=" + AuthMode.TOKEN.name().toLowerCase() + "&baseUrl="
                                + simulator.getBaseUrl() + "&sessionToken=RAW(" + token + ")");
                }
            });
            context.start();
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=jmx-masking,*"), null);
                assertThat(names).as("JMX is on").isNotEmpty();
                assertThat(names).as("MBeans of the endpoints and the consumer")
                        .anyMatch(name -> "endpoints".equals(name.getKeyProperty("type"))
                                          && name.getKeyProperty("name").contains("cardsavr"))
                        .anyMatch(name -> "consumers".equals(name.getKeyProperty("type")));

                List<Shown> shown = attributes(server, names);
                assertThat(shown).as("an endpoint URI is shown, masked").anyMatch(attribute -> attribute.value()
                        .contains("cardsavr://jobStatus") && attribute.value().contains("password=xxxxxx"));
                Map<String, String> secrets = Map.of(PASSWORD, "password", simulator.getIntegratorKey(), "integratorKey",
                        token, "sessionToken", job.accessKey(), "accessKey", USERNAME, "username");
                List<String> leaks = new ArrayList<>();
                shown.forEach(attribute -> secrets.forEach((value, secret) -> {
                    if (attribute.value().contains(value)) {
                        leaks.add(secret + " in " + attribute.mbean() + " " + attribute.name());
                    }
                }));
                assertThat(leaks).as("attributes holding a secret").isEmpty();
            } finally {
                context.stop();
            }
        }
    }

    /** One attribute as JMX shows it. */
    private record Shown(ObjectName mbean, String name, String value) {
    }

    /** Every readable attribute; one that cannot be read shows its error. */
    private static List<Shown> attributes(MBeanServer server, Set<ObjectName> names) throws Exception {
        List<Shown> shown = new ArrayList<>();
        for (ObjectName name : names) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                Object value;
                try {
                    value = server.getAttribute(name, attribute.getName());
                } catch (Exception e) {
                    value = e.toString();
                }
                shown.add(new Shown(name, attribute.getName(), String.valueOf(value)));
            }
        }
        return shown;
    }
}
