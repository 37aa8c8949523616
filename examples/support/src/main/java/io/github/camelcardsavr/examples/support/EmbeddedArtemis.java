package io.github.camelcardsavr.examples.support;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ActiveMQ Artemis broker inside the example's JVM, reached through the in-VM transport: no port,
 * no files, nothing to install, gone when the example ends. Point {@link #connectionFactory()} at a
 * real broker's {@code tcp://} URL instead and the routes stay the same.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    /** Each broker gets its own in-VM id, so tests can start one after another in one JVM. */
    private static final AtomicInteger NEXT_SERVER_ID = new AtomicInteger();

    private final EmbeddedActiveMQ broker;
    private final String url;

    private EmbeddedArtemis(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    public static EmbeddedArtemis start() {
        int serverId = NEXT_SERVER_ID.getAndIncrement();
        String url = "vm://" + serverId;
        Configuration configuration = new ConfigurationImpl()
                .setName("cardsavr-example-" + serverId)
                // An example's messages need not outlive it: no journal on disk.
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        try {
            configuration.addAcceptorConfiguration("in-vm", url);
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
            broker.start();
            return new EmbeddedArtemis(broker, url);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Artemis broker at " + url, e);
        }
    }

    /** A Jakarta JMS connection factory for camel-jms (bind it in the registry). */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    public String url() {
        return url;
    }

    /** Messages waiting on a queue; 0 when the queue was never created. */
    public long messageCount(String queueName) {
        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(queueName));
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** Queues whose names start with {@code prefix} and the messages waiting on each, by name. */
    public Map<String, Long> messageCounts(String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        for (SimpleString address : broker.getActiveMQServer().getPostOffice().getAddresses()) {
            String name = address.toString();
            if (name.startsWith(prefix)) {
                counts.put(name, messageCount(name));
            }
        }
        return counts;
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Artemis broker at " + url, e);
        }
    }
}
