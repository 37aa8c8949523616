package io.github.camelcardsavr.examples.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleFilesTest {

    @TempDir
    Path dir;

    @Test
    void theAnswersFileVariableWinsOverTheExamplesOwnFile() throws IOException {
        Path file = Files.writeString(dir.resolve("mine.properties"), "default.tfa=2468\n");

        AnswersFile named = ExampleFiles.answers(Map.of("CARDSAVR_ANSWERS_FILE", file.toString()),
                "test-answers.properties");
        AnswersFile own = ExampleFiles.answers(Map.of(), "test-answers.properties");

        assertThat(named.path()).contains(file);
        assertThat(named.answer("tfa", "tfa")).contains("2468");
        assertThat(own.source()).isEqualTo("classpath:test-answers.properties");
        assertThat(own.path()).isEmpty();
    }

    @Test
    void aMissingAnswersFileIsASettingsErrorNamingTheVariable() {
        Map<String, String> env = Map.of("CARDSAVR_ANSWERS_FILE", dir.resolve("absent.properties").toString());

        assertThatThrownBy(() -> ExampleFiles.answers(env, "test-answers.properties"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CARDSAVR_ANSWERS_FILE names ").hasMessageContaining("absent.properties")
                .hasMessageContaining("not a readable file");
    }

    @Test
    void theOutputDirectoryVariableWinsAndMustNotBeAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThat(ExampleFiles.outputDir(Map.of("CARDSAVR_OUT_DIR", dir.resolve("scratch").toString())))
                .isEqualTo(dir.resolve("scratch"));
        assertThatThrownBy(() -> ExampleFiles.outputDir(Map.of("CARDSAVR_OUT_DIR", file.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CARDSAVR_OUT_DIR names ");
    }

    @Test
    void withoutTheVariableTheSystemPropertyOrTargetIsUsed() {
        String before = System.getProperty("cardsavr.output-dir");
        try {
            System.clearProperty("cardsavr.output-dir");
            assertThat(ExampleFiles.outputDir(Map.of())).isEqualTo(Path.of("target", "cardsavr-out"));
            System.setProperty("cardsavr.output-dir", dir.toString());
            assertThat(ExampleFiles.outputDir(Map.of("CARDSAVR_OUT_DIR", " "))).isEqualTo(dir);
        } finally {
            if (before == null) {
                System.clearProperty("cardsavr.output-dir");
            } else {
                System.setProperty("cardsavr.output-dir", before);
            }
        }
    }
}
