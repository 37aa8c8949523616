package io.github.camelcardsavr.examples.ha;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/** Camel's own cluster services, configured for the replicas: no election of our own. */
final class ClusterServices {

    /** The file lock is tried every second; a leader whose heartbeat is this many seconds old counts as gone. */
    static final long LOCK_INTERVAL_SECONDS = 1;
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 3;
    /** Pods of the Deployment carry this label; the Lease is {@code leaders-<cluster namespace of the routes>}. */
    static final Map<String, String> KUBERNETES_LABELS = Map.of("app", "cardsavr-ha");

    private ClusterServices() {
    }

    static CamelClusterService of(HaSettings.Cluster cluster) {
        return cluster.isKubernetes() ? kubernetes(cluster.kubernetesNamespace()) : fileLock(cluster);
    }

    private static CamelClusterService fileLock(HaSettings.Cluster cluster) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(cluster.directory().toAbsolutePath().toString());
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(LOCK_INTERVAL_SECONDS, TimeUnit.SECONDS);
        service.setHeartbeatTimeoutMultiplier(HEARTBEAT_TIMEOUT_MULTIPLIER);
        return service;
    }

    /**
     * A Lease in the pods' namespace (RBAC: get, list, watch, create, update on leases; get, list on pods). The pod name
     * is the host name Kubernetes gives each pod. A leader that cannot renew within the renew deadline (10 s) stops its
     * routes; another pod takes the Lease once it expired (15 s).
     */
    static KubernetesClusterService kubernetes(String namespace) {
        KubernetesClusterService service = new KubernetesClusterService();
        service.setKubernetesNamespace(namespace);
        service.setLeaseResourceType(LeaseResourceType.Lease);
        service.setClusterLabels(KUBERNETES_LABELS);
        return service;
    }
}
