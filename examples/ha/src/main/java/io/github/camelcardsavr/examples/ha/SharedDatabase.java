package io.github.camelcardsavr.examples.ha;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcardsavr.state.jdbc.JdbcStateRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The database the replicas share: the consumers' state (a {@link JdbcStateRepository}), the envelope ids of answered
 * credential requests and the jobs that have terminated (two camel-sql {@link JdbcMessageIdRepository}s). One pool
 * for all three.
 */
final class SharedDatabase implements AutoCloseable {

    /** Envelope ids the route has answered: a request is answered once, whichever replica sees it. */
    static final String ANSWERED_ENVELOPES = "cardsavr-ha-answered-envelopes";
    /** Jobs whose last message was written: any replica knows when the listed jobs are all done. */
    static final String TERMINATED_JOBS = "cardsavr-ha-terminated-jobs";

    // camel-sql's own table has no key; with one the database refuses an envelope twice. Camel's create-if-missing
    // runs inside a transaction that PostgreSQL aborts on the failed probe, so the table is made here.
    private static final String MESSAGE_ID_TABLE = "CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED"
                                                   + " (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(100) NOT NULL,"
                                                   + " createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))";

    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;

    private SharedDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    static SharedDatabase connect(HaSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.jdbcUser() != null) {
            config.setUsername(settings.jdbcUser());
        }
        if (settings.jdbcPassword() != null) {
            config.setPassword(settings.jdbcPassword());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("cardsavr-state");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement create = connection.createStatement()) {
            create.execute(MESSAGE_ID_TABLE);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("Could not prepare the state database (" + e.getMessage() + ")", e);
        }
        return new SharedDatabase(pool);
    }

    DataSource dataSource() {
        return pool;
    }

    JdbcStateRepository stateRepository() {
        return new JdbcStateRepository(pool);
    }

    JdbcMessageIdRepository messageIds(String name) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(pool, name);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Override
    public void close() {
        pool.close();
    }
}
