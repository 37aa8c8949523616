package io.github.camelcardsavr.springboot;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What the starter adds where the application has Spring Boot Actuator: masking of the component's secrets and the
 * {@code cardsavr} health indicator in the readiness group.
 *
 * <p>Ordered after the availability probes so that the readiness group they create exists when
 * {@link CardsavrReadinessGroup} looks for it.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, CardsavrComponentAutoConfiguration.class,
                             AvailabilityProbesAutoConfiguration.class })
@ConditionalOnClass({ SanitizingFunction.class, HealthIndicator.class })
public class CardsavrActuatorAutoConfiguration {

    static final String READINESS_EXCLUDE = "management.endpoint.health.group.readiness.exclude";

    @Bean
    public SanitizingFunction cardsavrSecretsSanitizingFunction() {
        return new CardsavrSecretsSanitizingFunction(CardsavrComponentConfiguration.SECRET_PROPERTIES);
    }

    @Bean
    @ConditionalOnBean(CamelContext.class)
    @ConditionalOnEnabledHealthIndicator(CardsavrReadinessGroup.CONTRIBUTOR)
    public HealthIndicator cardsavrHealthIndicator(CamelContext camelContext) {
        return new CardsavrHealthIndicator(camelContext);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator(CardsavrReadinessGroup.CONTRIBUTOR)
    public CardsavrReadinessGroup cardsavrReadinessGroup(Environment environment) {
        Set<String> excluded = Binder.get(environment).bind(READINESS_EXCLUDE, Bindable.setOf(String.class))
                .orElse(Set.of());
        return new CardsavrReadinessGroup(excluded);
    }
}
