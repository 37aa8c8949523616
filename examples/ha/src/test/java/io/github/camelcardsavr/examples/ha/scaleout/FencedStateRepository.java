package io.github.camelcardsavr.examples.ha.scaleout;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A replica's view of the shared state repository. Killing a replica fences it: from that moment none of its writes
 * reach the database, as none would from a process that is gone, while it is shut down in the same JVM.
 */
final class FencedStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final StateRepository<String, String> database;
    private volatile boolean fenced;

    FencedStateRepository(StateRepository<String, String> database) {
        this.database = database;
    }

    void fence() {
        fenced = true;
    }

    @Override
    public void setState(String key, String value) {
        if (!fenced) {
            database.setState(key, value);
        }
    }

    @Override
    public String getState(String key) {
        return database.getState(key);
    }

    @Override
    protected void doStart() {
        database.start();
    }

    @Override
    protected void doStop() {
        database.stop();
    }
}
