package io.github.camelcardsavr.examples.ha;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's own cluster services, as the replicas configure them (the Lease one is started only in Kubernetes). */
class ClusterServicesTest {

    @Test
    void aFileLockInTheSharedDirectoryTriedEverySecond() {
        var service = (FileLockClusterService) ClusterServices.of(new HaSettings.Cluster(Path.of("/tmp/cluster"), null));
        assertThat(service.getRoot()).isEqualTo(Path.of("/tmp/cluster").toAbsolutePath().toString());
        assertThat(service.getAcquireLockIntervalUnit().toMillis(service.getAcquireLockInterval())).isEqualTo(1000);
        assertThat(service.getHeartbeatTimeoutMultiplier()).isEqualTo(3);
        assertThat(TimeUnit.SECONDS.toMillis(ClusterServices.LOCK_INTERVAL_SECONDS)).isEqualTo(1000);
    }

    @Test
    void aKubernetesLeaseInTheGivenNamespace() {
        var service = (KubernetesClusterService) ClusterServices.of(new HaSettings.Cluster(null, "payments"));
        assertThat(service.getKubernetesNamespace()).isEqualTo("payments");
        assertThat(service.getLeaseResourceType()).isEqualTo(LeaseResourceType.Lease);
        assertThat(service.getKubernetesResourceName()).as("Lease leaders-<namespace of the routes>").isEqualTo("leaders");
        assertThat(service.getClusterLabels()).containsEntry("app", "cardsavr-ha");
        assertThat(service.getLeaseDurationMillis()).isEqualTo(15_000);
        assertThat(service.getRenewDeadlineMillis()).isEqualTo(10_000);
    }
}
