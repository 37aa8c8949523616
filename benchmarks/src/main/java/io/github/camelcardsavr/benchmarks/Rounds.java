package io.github.camelcardsavr.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Contestants measured in turns, in reverse order every other round, each judged by its median round. A ratio of two
 * contestants measured once each, one after the other, moved with whatever else the machine did meanwhile (the JIT
 * compiling the path the first of them took, a collector's phase, the host) by more than its distance to the target.
 */
final class Rounds {

    private Rounds() {
    }

    /** Every contestant's measurement of every round, in the order the rounds ran. */
    static <T> Map<String, List<T>> inTurns(Map<String, Callable<T>> contestants, int rounds) throws Exception {
        Map<String, List<T>> measured = new LinkedHashMap<>();
        contestants.keySet().forEach(name -> measured.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(contestants.keySet());
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String name : order) {
                measured.get(name).add(contestants.get(name).call());
            }
        }
        return measured;
    }

    /** The middle round by {@code order} (the lower middle one of an even count). */
    static <T> T median(List<T> rounds, Comparator<T> order) {
        List<T> sorted = new ArrayList<>(rounds);
        sorted.sort(order);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
