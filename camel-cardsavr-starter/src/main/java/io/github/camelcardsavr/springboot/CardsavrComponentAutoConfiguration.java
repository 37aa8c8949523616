package io.github.camelcardsavr.springboot;

import io.github.camelcardsavr.CardsavrComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code cardsavr} component from {@code camel.component.cardsavr.*}, the way Camel's own starters
 * configure theirs: the bound {@link CardsavrComponentConfiguration} is copied onto the component when Camel
 * creates it. {@code camel.component.cardsavr.enabled=false} (or {@code camel.component.enabled=false}) turns this
 * off, {@code camel.component.cardsavr.customizer.enabled=false} keeps the properties but skips the copy.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, CardsavrComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.cardsavr" })
public class CardsavrComponentAutoConfiguration {

    /** Static: binding converters are needed before this configuration's own beans exist. */
    @Bean
    @ConfigurationPropertiesBinding
    static CardsavrBeanReferenceConverter cardsavrBeanReferenceConverter(BeanFactory beanFactory) {
        return new CardsavrBeanReferenceConverter(beanFactory, CardsavrComponentConfiguration.BEAN_REFERENCE_TYPES);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureCardsavrComponent(ApplicationContext applicationContext,
            CardsavrComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof CardsavrComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                               "camel.component.customizer", "camel.component.cardsavr.customizer");
            }
        };
    }
}
