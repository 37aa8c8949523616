package io.github.camelcardsavr;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Registers integratorKey as a sensitive option name as soon as a CamelContext is built, found through
 * {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin}. The component does it too when it starts, but a
 * kamelet endpoint carrying the key ({@code kamelet:cardsavr-job-status-source?integratorKey=...}) is created, and
 * logged, before the component exists.
 */
public final class CardsavrSensitiveKeywords implements ContextServicePlugin {

    @Override
    public void load(CamelContext camelContext) {
        CardsavrComponent.registerSensitiveOptionName(camelContext);
    }
}
