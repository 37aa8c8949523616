package io.github.camelcardsavr.kamelet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/camel-k.md shows the files the Camel K tests run, not copies: each YAML block is announced by a link to its
 * file under docs/camel-k/ and equals it, and each file there is shown.
 */
class CamelKPageTest {

    // a line with a link to camel-k/<file>, then a yaml block
    private static final Pattern LINKED_BLOCK = Pattern.compile(
            "\\]\\(camel-k/([\\w.-]+\\.yaml)\\):?\\s*\\n\\s*\\n```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyYamlBlockIsTheFileItLinksAndEveryFileIsShown() throws IOException {
        String page = Files.readString(CamelKFiles.PAGE, StandardCharsets.UTF_8);
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = LINKED_BLOCK.matcher(page);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        assertThat(page.split("```yaml", -1)).as("yaml blocks, each linked to its file").hasSize(blocks.size() + 1);

        List<String> files = new ArrayList<>();
        try (Stream<java.nio.file.Path> list = Files.list(CamelKFiles.DIR)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(blocks.keySet()).containsExactlyInAnyOrderElementsOf(files);
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            assertThat(block.getValue()).as("the block showing %s", block.getKey())
                    .isEqualTo(CamelKFiles.text(block.getKey()));
        }
    }

    @Test
    void theVersionThePageNamesIsTheBuiltOne() throws Exception {
        String version = ComponentDiscoveryTest.cardsavrComponentProperties().getProperty("version");
        String page = Files.readString(CamelKFiles.PAGE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("camel-cardsavr[:-](\\d[\\w.-]*?)(?:\\.jar|\\b[\" ]|$)", Pattern.MULTILINE)
                .matcher(page);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).isNotEmpty().allMatch(version::equals);
    }
}
