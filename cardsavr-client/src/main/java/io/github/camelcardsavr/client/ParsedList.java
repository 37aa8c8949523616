package io.github.camelcardsavr.client;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;


/**
 * An unmodifiable list of the well-formed elements of a JSON array, plus a report of the elements that could not be
 * read. A poll reply is parsed element by element so that one element of unexpected shape does not cost the others;
 * each skipped element is described by a {@link CardsavrException} of reason {@code MALFORMED_BODY} whose message
 * names the element's index and the problem (e.g. {@code $[1].job_id}) and never quotes body content.
 *
 * @param <T> the element type
 */
public final class ParsedList<T> extends AbstractList<T> implements RandomAccess {

    private static final ParsedList<Object> EMPTY = new ParsedList<>(List.of(), List.of());

    private final List<T> elements;
    private final List<CardsavrException> malformed;

    ParsedList(List<T> elements, List<CardsavrException> malformed) {
        this.elements = List.copyOf(elements);
        this.malformed = List.copyOf(malformed);
    }

    @SuppressWarnings("unchecked")
    static <T> ParsedList<T> empty() {
        return (ParsedList<T>) EMPTY;
    }

    /** The elements that were skipped because they could not be read, in array order; empty when all were read. */
    public List<CardsavrException> malformed() {
        return malformed;
    }

    /** True when at least one element was skipped. */
    public boolean hasMalformed() {
        return !malformed.isEmpty();
    }

    @Override
    public T get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }
}
