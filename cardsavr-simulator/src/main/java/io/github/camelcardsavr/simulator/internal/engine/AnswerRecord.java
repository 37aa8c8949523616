package io.github.camelcardsavr.simulator.internal.engine;

/** A received answer; {@code value} is secret and leaves only through the explicit admin accessor. */
record AnswerRecord(String envelopeId, String type, String via, long receivedAtMillis, Object value) {

    @Override
    public String toString() {
        return "AnswerRecord[" + envelopeId + ", type=" + type + ", via=" + via + "]";
    }
}
