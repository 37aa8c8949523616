package io.github.camelcardsavr.springboot;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.SimpleHttpCodeStatusMapper;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.StatusAggregator;

import static org.assertj.core.api.Assertions.assertThat;

class CardsavrReadinessGroupTest {

    private final HealthEndpointGroup primary = new Members(Set.of("cardsavr", "readinessState", "diskSpace"));
    private final HealthEndpointGroup readiness = new Members(Set.of("readinessState"));
    private final HealthEndpointGroup liveness = new Members(Set.of("livenessState"));
    private final HealthEndpointGroups groups =
            HealthEndpointGroups.of(primary, Map.of("readiness", readiness, "liveness", liveness));

    @Test
    void joinsTheReadinessGroupOnly() {
        HealthEndpointGroups processed = new CardsavrReadinessGroup(Set.of()).postProcessHealthEndpointGroups(groups);

        assertThat(processed.get("readiness").isMember("cardsavr")).isTrue();
        assertThat(processed.get("readiness").isMember("readinessState")).isTrue();
        assertThat(processed.get("readiness").isMember("diskSpace")).isFalse();
        assertThat(processed.get("liveness").isMember("cardsavr")).isFalse();
        assertThat(processed.getNames()).containsExactlyInAnyOrder("readiness", "liveness");
        assertThat(processed.getPrimary()).isSameAs(primary);
    }

    @Test
    void staysOutWhenExcludedOrWhenThereIsNoReadinessGroup() {
        assertThat(new CardsavrReadinessGroup(Set.of("cardsavr")).postProcessHealthEndpointGroups(groups))
                .isSameAs(groups);
        HealthEndpointGroups withoutReadiness = HealthEndpointGroups.of(primary, Map.of("liveness", liveness));
        assertThat(new CardsavrReadinessGroup(Set.of()).postProcessHealthEndpointGroups(withoutReadiness))
                .isSameAs(withoutReadiness);
    }

    private record Members(Set<String> names) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return names.contains(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return true;
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return true;
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return new SimpleStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return new SimpleHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return null;
        }
    }
}
