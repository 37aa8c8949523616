package io.github.camelcardsavr.state.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real databases for tests, in-process: one PostgreSQL server per JVM (zonky's binaries from the Maven repository,
 * started on first use in about two seconds and stopped when the JVM exits) and in-memory H2 databases. Shared with
 * other modules through this module's test jar.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The JVM's PostgreSQL server, started on first use. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** The JDBC URL of the server's {@code postgres} database (user and password {@code postgres}). */
    public static String postgresUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    /** A connection pool on the server's {@code postgres} database; close it after the test. */
    public static HikariDataSource postgresPool(int size) {
        return pool(postgresUrl(), "postgres", "postgres", size);
    }

    /** Runs one statement on the server's {@code postgres} database as its superuser. */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run the statement (" + e.getMessage() + ")", e);
        }
    }

    /** A new in-memory H2 database (kept while the JVM runs) and its URL. */
    public static String newH2Url() {
        return "jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    public static HikariDataSource h2Pool(String url, int size) {
        return pool(url, "sa", "", size);
    }

    public static HikariDataSource pool(String url, String user, String password, int size) {
        return pool(url, user, password, size, true);
    }

    /** A pool; with {@code autoCommit} false it hands out connections in manual-commit mode. */
    public static HikariDataSource pool(String url, String user, String password, int size, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setAutoCommit(autoCommit);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName("test-" + UUID.randomUUID().toString().substring(0, 8));
        return new HikariDataSource(config);
    }

    /** Closes a pool a test made (pools are {@link AutoCloseable}; plain data sources are left alone). */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close " + dataSource, e);
            }
        }
    }
}
