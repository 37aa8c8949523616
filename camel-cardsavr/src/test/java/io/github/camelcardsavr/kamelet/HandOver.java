package io.github.camelcardsavr.kamelet;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The three ways a kamelet receives its property values, each with its own encoding.
 */
enum HandOver {

    /** A Pipe loaded by Camel's YAML DSL, as Camel JBang runs it: values reach the kamelet URL-encoded. */
    PIPE,

    /** Camel K: the operator turns a Pipe into {@code camel.kamelet.<name>.<id>.<property>} properties. */
    APPLICATION_PROPERTIES,

    /** A YAML route that names the kamelet and passes the values as endpoint parameters. */
    ROUTE_PARAMETERS;

    /** Every hand-over, against a signed and an unsigned CardSavr. */
    static Stream<Arguments> withAuthModes() {
        return Stream.of(values()).flatMap(h -> Stream.of(Arguments.of(h, true), Arguments.of(h, false)));
    }
}
