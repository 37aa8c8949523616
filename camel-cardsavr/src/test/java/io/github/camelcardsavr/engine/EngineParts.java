package io.github.camelcardsavr.engine;

/** The engine's package-private parts, for tests of the channel types that live in other packages. */
public final class EngineParts {

    private EngineParts() {
    }

    public static JobBuffers buffers() {
        return new JobBuffers();
    }

    public static PolledChannel channel(long id, String accessKey) {
        return new PolledChannel(id, accessKey);
    }
}
