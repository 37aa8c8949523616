package io.github.camelcardsavr.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;

/**
 * Puts the {@code cardsavr} health indicator into the {@code readiness} group wherever the application has one
 * (Kubernetes, {@code management.endpoint.health.probes.enabled=true}, or a group of its own), so that a consumer
 * that cannot poll takes the instance out of load balancing without any configuration. Leave it out with
 * {@code management.endpoint.health.group.readiness.exclude=cardsavr}.
 */
final class CardsavrReadinessGroup implements HealthEndpointGroupsPostProcessor {

    static final String GROUP = "readiness";
    static final String CONTRIBUTOR = "cardsavr";

    private final Set<String> excluded;

    /**
     * @param excluded the contributors the application excludes from the readiness group
     */
    CardsavrReadinessGroup(Set<String> excluded) {
        this.excluded = Set.copyOf(excluded);
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup readiness = groups.get(GROUP);
        if (readiness == null || excluded.contains(CONTRIBUTOR) || readiness.isMember(CONTRIBUTOR)) {
            return groups;
        }
        Map<String, HealthEndpointGroup> byName = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            byName.put(name, name.equals(GROUP) ? new WithCardsavr(readiness) : groups.get(name));
        }
        return HealthEndpointGroups.of(groups.getPrimary(), byName);
    }

    private record WithCardsavr(HealthEndpointGroup group) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return CONTRIBUTOR.equals(name) || group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
