package io.github.camelcardsavr.quarkus.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CardsavrTest} against the packaged application: the jar, or the native executable with {@code -Dnative}. */
@QuarkusIntegrationTest
class CardsavrIT extends CardsavrTest {
}
