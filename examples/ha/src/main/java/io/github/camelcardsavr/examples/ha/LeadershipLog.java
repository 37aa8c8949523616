package io.github.camelcardsavr.examples.ha;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;

/**
 * One line on stdout each time this replica becomes the active one of the namespace, or stops being it: what an
 * operator watching the replicas wants to see.
 */
final class LeadershipLog implements CamelClusterEventListener.Leadership {

    static final String ACTIVE = "ACTIVE";
    static final String STANDBY = "STANDBY";

    private final PrintStream out;
    private Boolean wasActive;

    LeadershipLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
        // null: no leader known (a file lock view knows only whether it holds the lock itself)
        boolean active = leader != null && leader.isLocal();
        if (wasActive != null && wasActive == active) {
            return;
        }
        wasActive = active;
        out.println(Instant.now() + " " + (active ? ACTIVE : STANDBY) + ": this replica "
                    + (active ? "now reads" : "does not read") + " namespace " + view.getNamespace());
        out.flush();
    }
}
