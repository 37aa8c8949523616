-- The tables of a highly available camel-cardsavr deployment on PostgreSQL, for databases where the application
-- may not create tables itself (then set createTableIfNotExists=false on both repositories).

-- JdbcStateRepository: consumer state (sealed access keys, fetched but undelivered messages, the job index).
CREATE TABLE IF NOT EXISTS CARDSAVR_STATE (
    repository_name VARCHAR(255)  NOT NULL,
    state_key       VARCHAR(1024) NOT NULL,
    state_value     TEXT,
    updated_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (repository_name, state_key)
);

-- camel-sql's JdbcMessageIdRepository: envelope ids of credential requests already routed. Camel's own default table
-- has no key; this one lets the database refuse the same envelope twice.
CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(100) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
