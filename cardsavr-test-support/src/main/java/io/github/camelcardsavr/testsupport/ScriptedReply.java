package io.github.camelcardsavr.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One scripted answer of the {@link ScriptedCardsavrServer}. A {@link #json} reply is what a real server sends: in a
 * signed session a successful one is encrypted, and signed. Every other reply goes on the wire exactly as given
 * (signed in a signed session when its whole body is known up front): error bodies, raw bytes, bodies without a
 * length, bodies that never end, bodies that trickle in.
 */
public final class ScriptedReply {

    /** Writes a body that is produced while it is sent. */
    @FunctionalInterface
    interface BodyStream {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] STATUS_ELEMENT = "{\"type\":\"job_status\",\"job_id\":1,\"message\":{\"status\":\"UPDATING\"}},"
            .getBytes(StandardCharsets.UTF_8);

    final int status;
    final Map<String, String> headers;
    /** The whole body; null when the body is streamed. */
    final byte[] body;
    final boolean encryptable;
    /** Sent without a Content-Length (chunked). */
    final boolean chunked;
    final BodyStream stream;
    /** The Content-Length a streamed body declares; 0 for none (chunked). */
    final long streamLength;

    private ScriptedReply(int status, Map<String, String> headers, byte[] body, boolean encryptable, boolean chunked,
            BodyStream stream, long streamLength) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("A reply status must be 100..599, was " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body;
        this.encryptable = encryptable;
        this.chunked = chunked;
        this.stream = stream;
        this.streamLength = streamLength;
    }

    /** A 200 with this JSON text, encrypted and signed in a signed session. */
    public static ScriptedReply json(String body) {
        return json(200, body);
    }

    /** A reply with this JSON text; below 400 it is encrypted and signed in a signed session. */
    public static ScriptedReply json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static ScriptedReply json(int status, byte[] body) {
        return new ScriptedReply(status, Map.of(), body.clone(), true, false, null, 0);
    }

    /** Exactly these bytes, never encrypted (in a signed session they are still signed). */
    public static ScriptedReply raw(int status, String body) {
        return raw(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static ScriptedReply raw(int status, byte[] body) {
        return new ScriptedReply(status, Map.of(), body.clone(), false, false, null, 0);
    }

    /** An error as CardSavr words it: {@code {"_errors":[{"name":..,"message":..,"property":..}]}}. */
    public static ScriptedReply error(int status, String name, String property) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("name", name);
        error.put("message", "scripted " + name);
        error.put("property", property);
        try {
            return raw(status, JSON.writeValueAsBytes(Map.of("_errors", new Object[] {error})));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An _errors body of plain strings cannot fail to serialise", e);
        }
    }

    /**
     * A 200 without Content-Length that streams a JSON array of job status messages of about {@code totalBytes}, or
     * forever when {@code totalBytes < 0}.
     */
    public static ScriptedReply chunkedArray(long totalBytes) {
        return streamed(0, out -> {
            out.write('[');
            long sent = 1;
            while (totalBytes < 0 || sent < totalBytes) {
                out.write(STATUS_ELEMENT);
                sent += STATUS_ELEMENT.length;
            }
            out.write("{}]".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A 200 whose body arrives one byte at a time, each after {@code gap}: never idle long enough for a timeout. */
    public static ScriptedReply trickle(String body, Duration gap) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return streamed(bytes.length, out -> {
            for (byte b : bytes) {
                LockSupport.parkNanos(gap.toNanos());
                out.write(b);
                out.flush();
            }
        });
    }

    private static ScriptedReply streamed(long declaredLength, BodyStream stream) {
        return new ScriptedReply(200, Map.of(), null, false, declaredLength == 0, stream, declaredLength);
    }

    public ScriptedReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ScriptedReply(status, more, body, encryptable, chunked, stream, streamLength);
    }

    /** The same body sent without a Content-Length. */
    public ScriptedReply chunked() {
        if (body == null) {
            throw new IllegalStateException("A streamed reply declares its own length");
        }
        return new ScriptedReply(status, headers, body, encryptable, true, null, 0);
    }

    boolean isStreamed() {
        return stream != null;
    }
}
