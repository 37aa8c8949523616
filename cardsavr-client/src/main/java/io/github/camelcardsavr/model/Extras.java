package io.github.camelcardsavr.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the unknown fields Jackson collected into deeply unmodifiable values, so model objects stay immutable. */
public final class Extras {

    private Extras() {
    }

    public static Map<String, Object> freeze(Map<String, Object> extras) {
        if (extras == null || extras.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(extras.size() * 2);
        extras.forEach((key, value) -> copy.put(key, freezeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy without null elements ({@code [null]} from the server means nothing, not a null field). */
    static <T> List<T> freezeList(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T element : list) {
            if (element != null) {
                copy.add(element);
            }
        }
        return copy.isEmpty() ? List.of() : Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    static Object freezeValue(Object value) {
        if (value instanceof Map) {
            return freeze((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> list = (List<Object>) value;
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(freezeValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
