package io.github.camelcardsavr.springboot;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Environment variables for a test context. A JVM cannot set its own, so they go into a property source of the class
 * Spring reads the real environment with (named like it, which turns on the same relaxed binding), right after it.
 */
abstract class EnvironmentVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SOURCE_NAME = "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    static final String INTEGRATOR_KEY_VARIABLE = "CAMEL_COMPONENT_CARDSAVR_INTEGRATOR_KEY";

    protected abstract Map<String, Object> variables();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addAfter(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(SOURCE_NAME, variables()));
    }

    /** The integrator key in the environment variable form of its property, as a deployment would set it. */
    static final class IntegratorKey extends EnvironmentVariables {
        @Override
        protected Map<String, Object> variables() {
            return Map.of(INTEGRATOR_KEY_VARIABLE, TestSimulator.get().getIntegratorKey());
        }
    }
}
