package io.github.camelcardsavr.springboot.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fails the build when the committed {@code src/generated} files of the starter no longer say what the component's
 * catalog says (an option added, removed, re-described, re-typed or given a new default). With
 * {@code -Dcardsavr.starter.update=true} it rewrites them instead.
 */
class StarterSourcesAreUpToDateTest {

    @Test
    void generatedFilesMatchTheComponentCatalog() throws IOException {
        Path module = Path.of(System.getProperty("basedir", "."));
        Map<Path, String> expected = StarterSources.render(ComponentCatalog.load());
        boolean update = Boolean.getBoolean(StarterSources.UPDATE_PROPERTY);

        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            Path path = module.resolve(file.getKey());
            String committed = Files.exists(path) ? Files.readString(path) : null;
            if (file.getValue().equals(committed)) {
                continue;
            }
            if (update) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            } else {
                stale.add(file.getKey() + (committed == null ? " (missing)"
                        : " (first difference at line " + firstDifferentLine(committed, file.getValue()) + ")"));
            }
        }
        if (!stale.isEmpty()) {
            fail("Out of date with the component catalog " + ComponentCatalog.resourceName() + ":\n    "
                 + String.join("\n    ", stale) + "\nRegenerate with:\n    " + StarterSources.UPDATE_COMMAND
                 + "\nthen rebuild (the metadata comes from the regenerated class) and commit the result.");
        }
    }

    private static int firstDifferentLine(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        int i = 0;
        while (i < a.length && i < e.length && a[i].equals(e[i])) {
            i++;
        }
        return i + 1;
    }
}
