package io.github.camelcardsavr.reliability;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.camelcardsavr.client.ParsedList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which element of the input each model of a batch parser's result was read from: the models stand, in order, for
 * some of the input's non-null elements, each carrying that element's exact bytes as its source JSON, and every other
 * non-null element was reported as malformed.
 */
final class BatchSources {

    private BatchSources() {
    }

    /**
     * The source bytes of each model, checked against the input's elements.
     *
     * @param syntaxErrorAsElement told when the input is not JSON at all but the batch parser still read models (the
     *                             known deviation described at {@link #ofABodyThatIsNotJson})
     */
    static <T> List<byte[]> of(byte[] input, ParsedList<T> batch, Function<T, byte[]> source,
            Runnable syntaxErrorAsElement) {
        List<byte[]> elements;
        try {
            elements = ParsedContent.elementBytes(input).stream().filter(e -> !isJsonNull(e)).toList();
        } catch (UncheckedIOException notJson) {
            syntaxErrorAsElement.run();
            return ofABodyThatIsNotJson(input, batch, source);
        }
        assertThat(batch.size() + batch.malformed().size()).as("models and malformed elements: one per non-null element")
                .isEqualTo(elements.size());
        List<byte[]> sources = new ArrayList<>();
        int next = 0;
        for (T model : batch) {
            byte[] own = source.apply(model);
            assertThat(own).as("a model from a reply carries its source JSON").isNotNull();
            while (next < elements.size() && !Arrays.equals(elements.get(next), own)) {
                next++;
            }
            assertThat(next).as("the source JSON of model " + sources.size() + " is an element of the input, in order")
                    .isLessThan(elements.size());
            sources.add(elements.get(next++));
        }
        return sources;
    }

    /**
     * Known deviation of the batch parsers from their documentation ("syntax errors fail the whole body"): Jackson
     * wraps a syntax error met while binding an element's member (e.g. bytes that are not UTF-8 in a string) as a
     * mapping problem, so that element is reported as malformed and the elements around it are read. Then at least one
     * element must be reported, and every model's source JSON must be a piece of the input, in order.
     */
    private static <T> List<byte[]> ofABodyThatIsNotJson(byte[] input, ParsedList<T> batch, Function<T, byte[]> source) {
        assertThat(batch.malformed()).as("a body that is not JSON yields no models without reporting an element")
                .isNotEmpty();
        List<byte[]> sources = new ArrayList<>();
        int from = 0;
        for (T model : batch) {
            byte[] own = source.apply(model);
            int at = indexOf(input, own, from);
            assertThat(at).as("the source JSON of model " + sources.size() + " is a piece of the input, in order")
                    .isNotNegative();
            sources.add(own);
            from = at + own.length;
        }
        return sources;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isJsonNull(byte[] element) {
        return new String(element, StandardCharsets.UTF_8).equals("null");
    }
}
