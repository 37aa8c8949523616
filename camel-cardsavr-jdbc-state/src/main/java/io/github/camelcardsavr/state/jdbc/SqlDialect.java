package io.github.camelcardsavr.state.jdbc;

import java.util.Locale;

/**
 * The statements of {@link JdbcStateRepository} for one kind of database: PostgreSQL and H2 have a single-statement
 * upsert, anything else gets standard SQL.
 */
enum SqlDialect {

    POSTGRESQL("TEXT") {
        @Override
        String upsert(String table) {
            return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT (repository_name,"
                   + " state_key) DO UPDATE SET state_value = EXCLUDED.state_value, updated_at = EXCLUDED.updated_at";
        }
    },
    H2("CHARACTER VARYING") {
        @Override
        String upsert(String table) {
            return "MERGE INTO " + table + " (" + COLUMNS + ") KEY (repository_name, state_key) VALUES (?, ?, ?, ?)";
        }
    },
    STANDARD("CLOB");

    private static final String COLUMNS = "repository_name, state_key, state_value, updated_at";

    private final String valueType;

    SqlDialect(String valueType) {
        this.valueType = valueType;
    }

    static SqlDialect of(String databaseProductName) {
        String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return name.equals("h2") ? H2 : STANDARD;
    }

    boolean hasUpsert() {
        return this != STANDARD;
    }

    /** Parameters: repository name, key, value, time. */
    String upsert(String table) {
        throw new UnsupportedOperationException(name() + " has no upsert");
    }

    /** Parameters: repository name, key, value, time. */
    String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
    }

    /** Parameters: value, time, repository name, key. */
    String update(String table) {
        return "UPDATE " + table + " SET state_value = ?, updated_at = ? WHERE repository_name = ? AND state_key = ?";
    }

    /** Parameters: repository name, key. */
    String select(String table) {
        return "SELECT state_value FROM " + table + " WHERE repository_name = ? AND state_key = ?";
    }

    String createTable(String table) {
        return "CREATE TABLE " + table + " (repository_name VARCHAR(255) NOT NULL, state_key VARCHAR(1024) NOT NULL,"
               + " state_value " + valueType + ", updated_at TIMESTAMP NOT NULL,"
               + " PRIMARY KEY (repository_name, state_key))";
    }
}
