package io.github.camelcardsavr.producer;

import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;

/**
 * Reads and checks what a producer sends, before any HTTP call. Messages name the header or option, never its value
 * (a value may be a secret).
 */
final class ProducerInputs {

    private ProducerInputs() {
    }

    /** The job id from header CamelCardsavrJobId, else from the endpoint's single jobId. */
    static long jobId(Exchange exchange, CardsavrConfiguration configuration) {
        Object header = exchange.getIn().getHeader(CardsavrConstants.JOB_ID);
        if (header != null) {
            return parseJobId(header, "header " + CardsavrConstants.JOB_ID);
        }
        List<Long> configured = configuration.jobIds();
        if (configured.size() == 1) {
            return configured.get(0);
        }
        if (configured.size() > 1) {
            throw new IllegalArgumentException("Option jobId lists several jobs; set header " + CardsavrConstants.JOB_ID
                                               + " to choose one");
        }
        throw new IllegalArgumentException("No job id: set header " + CardsavrConstants.JOB_ID + " or option jobId");
    }

    static long parseJobId(Object value, String source) {
        if (value instanceof Number n) {
            return positive(n.longValue(), source);
        }
        String s = value.toString().trim();
        try {
            return positive(Long.parseLong(s), source);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a numeric job id");
        }
    }

    private static long positive(long id, String source) {
        if (id <= 0) {
            throw new IllegalArgumentException(source + " must be a positive job id");
        }
        return id;
    }

    /** A header that becomes part of an HTTP request: present, not blank, no CR/LF (header injection). */
    static String requiredHeader(Exchange exchange, String header) {
        String value = exchange.getIn().getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Header " + header + " is required");
        }
        return checkNoLineBreak(value, "Header " + header);
    }

    /**
     * The body as answer text (a TFA code or answer): a String, CharSequence or Number. Other types are refused rather
     * than converted through {@code toString()}; the message names the type, never the value.
     */
    static String textBody(Exchange exchange, String what) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof CharSequence || body instanceof Number) {
            return body.toString();
        }
        if (body instanceof byte[] || body instanceof InputStream || body instanceof Reader) {
            // a text form read as text (e.g. from a file or HTTP endpoint)
            return exchange.getIn().getBody(String.class);
        }
        throw new IllegalArgumentException("The message body of type " + body.getClass().getName() + " has no text form"
                                           + " for " + what + "; send a String");
    }

    static String checkNoLineBreak(String value, String what) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must not contain CR or LF characters");
        }
        return value;
    }
}
