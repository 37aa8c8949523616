package io.github.camelcardsavr.simulator.internal.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelcardsavr.simulator.internal.ApiProblem;

/**
 * The {@code x-cardsavr-hydration} header: a JSON array of the related objects to embed in a reply, e.g.
 * {@code ["credential_requests"]} (what Strivve's SDK sends for a job). The simulator embeds only
 * {@code credential_requests}; it models no cards, accounts or cardholders, so other names add nothing.
 */
record Hydration(List<String> names) {

    static final String HEADER = "x-cardsavr-hydration";
    static final String CREDENTIAL_REQUESTS = "credential_requests";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Hydration of(ApiRequest request) {
        String header = request.header(HEADER);
        if (header == null) {
            return new Hydration(List.of());
        }
        Object parsed;
        try {
            parsed = MAPPER.readValue(header, Object.class);
        } catch (IOException e) {
            throw malformed();
        }
        if (!(parsed instanceof List<?> list)) {
            throw malformed();
        }
        List<String> names = new ArrayList<>();
        for (Object name : list) {
            if (!(name instanceof String text) || text.isBlank()) {
                throw malformed();
            }
            names.add(text.trim());
        }
        return new Hydration(List.copyOf(names));
    }

    boolean wants(String name) {
        return names.contains(name);
    }

    private static ApiProblem malformed() {
        return ApiProblem.badRequest("Header " + HEADER + " must be a JSON array of names, e.g. [\"credential_requests\"]",
                HEADER);
    }
}
