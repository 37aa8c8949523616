package io.github.camelcardsavr.state.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcardsavr.state.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository against a real PostgreSQL and H2, and against H2 spoken to in plain standard SQL. */
class JdbcStateRepositoryTest {

    enum Database {
        POSTGRESQL, H2, STANDARD_SQL
    }

    private final List<DataSource> pools = new ArrayList<>();
    private final List<JdbcStateRepository> repositories = new ArrayList<>();
    private final String name = "test-" + UUID.randomUUID();

    @AfterEach
    void close() {
        repositories.forEach(JdbcStateRepository::stop);
        pools.forEach(TestDatabases::close);
    }

    private DataSource dataSource(Database database) {
        HikariDataSource pool = switch (database) {
            case POSTGRESQL -> TestDatabases.postgresPool(4);
            case H2, STANDARD_SQL -> TestDatabases.h2Pool(TestDatabases.newH2Url(), 4);
        };
        pools.add(pool);
        return database == Database.STANDARD_SQL ? renamed(pool, "SomeOtherDatabase") : pool;
    }

    private JdbcStateRepository started(DataSource dataSource, String repositoryName) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource, repositoryName);
        repository.start();
        repositories.add(repository);
        return repository;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aValueWrittenIsWhatAnotherRepositoryOnTheSameTableReads(Database database) {
        DataSource dataSource = dataSource(database);
        JdbcStateRepository leader = started(dataSource, name);
        assertThat(leader.getState("cardsavr.slots")).isNull();
        leader.setState("cardsavr.slots", "1");
        leader.setState("cardsavr.slot.0", "{\"v\":2,\"j\":101}");
        leader.setState("cardsavr.slot.0", "{\"v\":2,\"j\":101,\"m\":[]}");
        leader.setState("cardsavr.slot.1", "");

        // a standby: another object (as in another process) on the same table and name
        JdbcStateRepository standby = started(dataSource, name);
        assertThat(standby.getState("cardsavr.slots")).isEqualTo("1");
        assertThat(standby.getState("cardsavr.slot.0")).isEqualTo("{\"v\":2,\"j\":101,\"m\":[]}");
        assertThat(standby.getState("cardsavr.slot.1")).isEmpty();
        assertThat(leader.getWrites()).isEqualTo(4);

        JdbcStateRepository other = started(dataSource, name + "-other");
        assertThat(other.getState("cardsavr.slots")).as("another repository name sees nothing").isNull();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aLargeRecordIsKeptWhole(Database database) {
        JdbcStateRepository repository = started(dataSource(database), name);
        String record = "{\"m\":[" + "{\"type\":\"job_status\",\"job_id\":1},".repeat(5_000) + "{}]}";
        repository.setState("cardsavr.slot.0", record);
        assertThat(repository.getState("cardsavr.slot.0")).isEqualTo(record);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void writersRacingOnNewKeysNeitherFailNorDuplicateRows(Database database) throws Exception {
        DataSource dataSource = dataSource(database);
        JdbcStateRepository first = started(dataSource, name);
        JdbcStateRepository second = started(dataSource, name);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writes = new ArrayList<>();
            for (int key = 0; key < 50; key++) {
                for (JdbcStateRepository repository : List.of(first, second, first, second)) {
                    String k = "race." + key;
                    writes.add(() -> {
                        repository.setState(k, "value of " + k);
                        return null;
                    });
                }
            }
            for (Future<Void> write : threads.invokeAll(writes)) {
                write.get();
            }
        } finally {
            threads.shutdownNow();
        }
        for (int key = 0; key < 50; key++) {
            assertThat(second.getState("race." + key)).isEqualTo("value of race." + key);
        }
        try (Connection connection = dataSource.getConnection();
             var count = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM CARDSAVR_STATE WHERE repository_name = '" + name + "'")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(50);
        }
    }

    @Test
    void aPoolHandingOutManualCommitConnectionsStillCommitsEachWrite() {
        HikariDataSource manual = TestDatabases.pool(TestDatabases.postgresUrl(), "postgres", "postgres", 2, false);
        pools.add(manual);
        started(manual, name).setState("k", "committed");
        HikariDataSource other = TestDatabases.postgresPool(1);
        pools.add(other);
        assertThat(started(other, name).getState("k")).isEqualTo("committed");
    }

    @Test
    void theTableIsCreatedOnceAndFoundByTheNextRepository() {
        DataSource dataSource = dataSource(Database.H2);
        JdbcStateRepository custom = new JdbcStateRepository(dataSource, name);
        custom.setTableName("MY_STATE");
        custom.start();
        repositories.add(custom);
        custom.setState("k", "v");
        JdbcStateRepository again = new JdbcStateRepository(dataSource, name);
        again.setTableName("MY_STATE");
        again.start();
        repositories.add(again);
        assertThat(again.getState("k")).isEqualTo("v");
    }

    @Test
    void withoutTheTableAndWithoutCreatingItTheErrorNamesTheTable() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource(Database.POSTGRESQL), name);
        repository.setTableName("NOT_CREATED_" + Long.toHexString(System.nanoTime()));
        repository.setCreateTableIfNotExists(false);
        repository.start();
        repositories.add(repository);
        assertThatThrownBy(() -> repository.getState("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not read key 'k' in table " + repository.getTableName())
                .hasMessageContaining("42P01");
    }

    @Test
    void aFailedWriteNamesTheKeyAndTheReasonButNeverTheValue() {
        JdbcStateRepository repository = started(dataSource(Database.POSTGRESQL), name);
        // PostgreSQL refuses NUL characters in text
        String value = "{\"k\":\"g1.sealed-access-key\u0000\"}";
        assertThatThrownBy(() -> repository.setState("cardsavr.slot.7", value))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not write key 'cardsavr.slot.7'")
                .hasMessageNotContaining("sealed-access-key");
    }

    @Test
    void badSettingsAreRefusedOnStartWithTheirName() {
        assertThatThrownBy(() -> new JdbcStateRepository().start()).hasMessageContaining("dataSource is required");
        JdbcStateRepository injected = new JdbcStateRepository(dataSource(Database.H2), name);
        injected.setTableName("STATE; DROP TABLE X");
        assertThatThrownBy(injected::start).hasMessageContaining("tableName must be a plain SQL identifier");
        JdbcStateRepository unstarted = new JdbcStateRepository(dataSource(Database.H2), name);
        assertThatThrownBy(() -> unstarted.getState("k")).hasMessageContaining("is not started");
        assertThatThrownBy(() -> started(dataSource(Database.H2), name).setState("", "v"))
                .hasMessageContaining("a key must be 1 to 1024 characters");
    }

    @Test
    void dialectsAreChosenByTheDatabaseName() {
        assertThat(SqlDialect.of("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.of("H2")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.of("Oracle")).isEqualTo(SqlDialect.STANDARD);
    }

    /** The same database under another product name, so that the repository speaks standard SQL to it. */
    private static DataSource renamed(DataSource dataSource, String productName) {
        return proxy(DataSource.class, dataSource, (method, args, target) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                return proxy(Connection.class, connection, (m, a, c) -> {
                    Object r = m.invoke(c, a);
                    if (r instanceof DatabaseMetaData metaData) {
                        return proxy(DatabaseMetaData.class, metaData, (mm, aa, md) ->
                                mm.getName().equals("getDatabaseProductName") ? productName : mm.invoke(md, aa));
                    }
                    return r;
                });
            }
            return result;
        });
    }

    private interface Call<T> {
        Object call(java.lang.reflect.Method method, Object[] args, T target) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
            try {
                return call.call(method, args, target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
