package io.github.camelcardsavr.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a relational database: every {@link #setState} is one atomic upsert of one row,
 * committed before it returns, so a process that dies leaves each key either as it was or as last written, and another
 * process reading the same table (a standby that takes over) sees exactly what was committed. Nothing is cached: a
 * read always asks the database.
 * <p>
 * One table holds any number of repositories, told apart by {@link #setRepositoryName repositoryName}. The table is
 * created on start unless {@link #setCreateTableIfNotExists createTableIfNotExists} is false (see
 * {@code schema-postgresql.sql} beside this class for the statement to run yourself). Give it a pooled
 * {@link DataSource} (e.g. HikariCP): every call borrows a connection. PostgreSQL (production) and H2 get a single-statement
 * upsert; other databases an update followed, for a new key, by an insert.
 * <p>
 * Values never reach logs or exception messages: they hold consumer state (sealed access keys, buffered messages).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "CARDSAVR_STATE";
    public static final String DEFAULT_REPOSITORY_NAME = "cardsavr";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int MAX_KEY_LENGTH = 1024;
    private static final int MAX_NAME_LENGTH = 255;

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private String repositoryName = DEFAULT_REPOSITORY_NAME;
    private boolean createTableIfNotExists = true;
    private volatile SqlDialect dialect;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcStateRepository(DataSource dataSource, String repositoryName) {
        this.dataSource = dataSource;
        this.repositoryName = repositoryName;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository: dataSource is required");
        }
        if (tableName == null || !IDENTIFIER.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository: tableName must be a plain SQL identifier (letters,"
                                               + " digits and '_', at most 63), got '" + tableName + "'");
        }
        if (repositoryName == null || repositoryName.isBlank() || repositoryName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("JdbcStateRepository: repositoryName must be 1 to " + MAX_NAME_LENGTH
                                               + " characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
            if (createTableIfNotExists && !tableExists(connection)) {
                createTable(connection);
            }
        }
    }

    @Override
    public String getState(String key) {
        checkKey(key);
        SqlDialect sql = ready();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.select(tableName))) {
            select.setString(1, repositoryName);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                String value = row.next() ? row.getString(1) : null;
                endTransaction(connection);
                reads.incrementAndGet();
                return value;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        checkKey(key);
        SqlDialect sql = ready();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (sql.hasUpsert()) {
                    execute(connection, sql.upsert(tableName), key, value, now);
                } else {
                    updateOrInsert(connection, sql, key, value, now);
                }
                endTransaction(connection);
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            writes.incrementAndGet();
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    // the row exists almost always (slots are reused); a concurrent first insert of the same key updates instead
    private void updateOrInsert(Connection connection, SqlDialect sql, String key, String value, Timestamp now)
            throws SQLException {
        if (update(connection, sql, key, value, now) > 0) {
            return;
        }
        try {
            execute(connection, sql.insert(tableName), key, value, now);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            update(connection, sql, key, value, now);
        }
    }

    private int update(Connection connection, SqlDialect sql, String key, String value, Timestamp now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql.update(tableName))) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, repositoryName);
            update.setString(4, key);
            return update.executeUpdate();
        }
    }

    private void execute(Connection connection, String statement, String key, String value, Timestamp now)
            throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(statement)) {
            write.setString(1, repositoryName);
            write.setString(2, key);
            write.setString(3, value);
            write.setTimestamp(4, now);
            write.executeUpdate();
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT 1 FROM " + tableName + " WHERE 1 = 0").close();
            endTransaction(connection);
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            return false;
        }
    }

    private void createTable(Connection connection) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute(dialect.createTable(tableName));
            endTransaction(connection);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            // another replica may have created it meanwhile
            if (!tableExists(connection)) {
                throw new IllegalStateException("JdbcStateRepository: could not create table " + tableName + " ("
                                                + e.getSQLState() + ": " + e.getMessage() + ")", e);
            }
        }
    }

    // a pool may hand out connections in manual-commit mode: end what this call did either way
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private SqlDialect ready() {
        SqlDialect sql = dialect;
        if (sql == null || !isStarted()) {
            throw new IllegalStateException("JdbcStateRepository is not started (Camel starts it with the consumer that"
                                            + " uses it; start it yourself when you use it on its own)");
        }
        return sql;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("JdbcStateRepository: a key must be 1 to " + MAX_KEY_LENGTH
                                               + " characters");
        }
    }

    // names the key and the database's reason, never the value
    private IllegalStateException failure(String what, String key, SQLException e) {
        return new IllegalStateException("JdbcStateRepository: could not " + what + " key '" + key + "' in table "
                                         + tableName + " (SQLState " + e.getSQLState() + ": " + e.getMessage() + ")",
                e);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** Where the table lives; a pooled DataSource, as every call borrows a connection. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, {@value #DEFAULT_TABLE} by default. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getRepositoryName() {
        return repositoryName;
    }

    /** Rows of this repository in the table, {@value #DEFAULT_REPOSITORY_NAME} by default. */
    public void setRepositoryName(String repositoryName) {
        this.repositoryName = repositoryName;
    }

    public boolean isCreateTableIfNotExists() {
        return createTableIfNotExists;
    }

    /** Create the table on start when it is missing (true by default). */
    public void setCreateTableIfNotExists(boolean createTableIfNotExists) {
        this.createTableIfNotExists = createTableIfNotExists;
    }

    /** Reads answered so far. */
    public long getReads() {
        return reads.get();
    }

    /** Writes committed so far. */
    public long getWrites() {
        return writes.get();
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[table=" + tableName + ", repositoryName=" + repositoryName + "]";
    }
}
