package io.github.camelcardsavr;

/** Every operation against a simulator that requires signed and encrypted traffic. */
class SignedOperationsTest extends AbstractOperationsTest {
}
