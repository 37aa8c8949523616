package io.github.camelcardsavr.examples.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One measured row of the failure table in docs/high-availability.md (or a figure of docs/scale-out.md), printed as
 * {@code HA row=<name> key=value ...} to the test output and appended to {@code target/ha-figures.txt}, from which the
 * pages are written. A test asserts each figure's bound before it prints the row.
 */
public final class HaFigures {

    private final String row;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private HaFigures(String row) {
        this.row = row;
    }

    public static HaFigures row(String name) {
        return new HaFigures(name);
    }

    public HaFigures with(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    public String line() {
        return "HA row=" + row + " " + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    public void print() {
        String line = line();
        System.out.println(line);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("ha-figures.txt"), line + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not append to target/ha-figures.txt", e);
            }
        }
    }
}
