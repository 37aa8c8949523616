package io.github.camelcardsavr;

/** Every operation against a simulator in unsigned (development instance) mode. */
class UnsignedOperationsTest extends AbstractOperationsTest {

    @Override
    protected boolean signed() {
        return false;
    }
}
