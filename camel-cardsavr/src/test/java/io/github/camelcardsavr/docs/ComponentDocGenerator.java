package io.github.camelcardsavr.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rewrites the generated tables of {@code docs/cardsavr-component.adoc} from the component catalog
 * written by camel-component-maven-plugin. {@link ComponentDocIsUpToDateTest} runs it on every build.
 */
public final class ComponentDocGenerator {

    static final String PAGE = "docs/cardsavr-component.adoc";
    static final String CATALOG_FILE = "cardsavr.json";
    static final String UPDATE_PROPERTY = "cardsavr.docs.update";
    static final String UPDATE_COMMAND =
            "mvn -B -ntp -pl camel-cardsavr test -Dtest=ComponentDocIsUpToDateTest -D" + UPDATE_PROPERTY + "=true";

    private ComponentDocGenerator() {
    }

    /** The page text with every marked section regenerated from the catalog. */
    static String render(String page, ComponentCatalog catalog) {
        List<String> missing = catalog.missingDescriptions();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The component catalog has no description for: " + String.join(", ", missing)
                    + ". Describe them in the component's Javadoc/@UriParam/@Metadata, then rebuild.");
        }
        String result = MarkedSections.replace(page, "component options", AdocTables.componentOptions(catalog));
        result = MarkedSections.replace(result, "endpoint options", AdocTables.endpointOptions(catalog));
        return MarkedSections.replace(result, "endpoint headers", AdocTables.headers(catalog));
    }

    /** The repository root: the nearest directory, from {@code start} upwards, that holds {@code docs/} and {@code pom.xml}. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("camel-cardsavr"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (a directory with docs/, pom.xml and camel-cardsavr/) above " + start);
    }

    /** The catalog the plugin generated: {@code src/generated/resources/META-INF/.../cardsavr.json} of the component module. */
    static Optional<Path> findCatalog(Path root) {
        Path generated = root.resolve("camel-cardsavr/src/generated/resources");
        if (!Files.isDirectory(generated)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(generated)) {
            return files.filter(p -> p.getFileName().toString().equals(CATALOG_FILE))
                    // the META-INF copy is the one Camel tooling reads; prefer it when both exist
                    .min(Comparator.comparing((Path p) -> !p.toString().contains("META-INF")).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search " + generated + " for " + CATALOG_FILE, e);
        }
    }

    /** Command-line entry: {@code ComponentDocGenerator [repositoryRoot]} rewrites the page in place. */
    public static void main(String[] args) throws IOException {
        Path root = repositoryRoot(Path.of(args.length > 0 ? args[0] : "."));
        Path catalogPath = findCatalog(root).orElseThrow(() -> new IllegalStateException(
                "No " + CATALOG_FILE + " under camel-cardsavr/src/generated/resources: build the component first"));
        Path page = root.resolve(PAGE);
        String updated = render(Files.readString(page), ComponentCatalog.read(catalogPath));
        Files.writeString(page, updated);
        System.out.println("Rewrote " + page + " from " + catalogPath);
    }
}
