package io.github.camelcardsavr.docs;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fails the build when {@code docs/cardsavr-component.adoc} no longer shows what the component's
 * catalog says (an option or header added, renamed, re-described or given a new default).
 * With {@code -Dcardsavr.docs.update=true} it rewrites the page instead of failing.
 */
class ComponentDocIsUpToDateTest {

    @Test
    void componentPageMatchesTheCatalog() throws Exception {
        Path root = ComponentDocGenerator.repositoryRoot(Path.of(System.getProperty("basedir", ".")));
        Path catalogPath = ComponentDocGenerator.findCatalog(root).orElse(null);
        if (catalogPath == null) {
            fail("No " + ComponentDocGenerator.CATALOG_FILE + " under camel-cardsavr/src/generated/resources: "
                 + "camel-component-maven-plugin writes it at process-classes; run the build up to there first");
        }
        Path page = root.resolve(ComponentDocGenerator.PAGE);
        assertThat(page).as("the component reference page").exists();

        String committed = Files.readString(page);
        String expected = ComponentDocGenerator.render(committed, ComponentCatalog.read(catalogPath));

        if (Boolean.getBoolean(ComponentDocGenerator.UPDATE_PROPERTY)) {
            if (!expected.equals(committed)) {
                Files.writeString(page, expected);
            }
            return;
        }
        if (!expected.equals(committed)) {
            fail(ComponentDocGenerator.PAGE + " is out of date with " + root.relativize(catalogPath)
                 + " (first difference at line " + firstDifferentLine(committed, expected) + ").\n"
                 + "Regenerate its tables with:\n    " + ComponentDocGenerator.UPDATE_COMMAND
                 + "\nand commit the result.");
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
