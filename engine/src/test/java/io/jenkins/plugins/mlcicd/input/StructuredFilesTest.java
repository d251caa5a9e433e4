package io.jenkins.plugins.mlcicd.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredFilesTest {
    @TempDir
    Path dir;

    record Rule(String metric, Double atLeast) {
    }

    record Policy(List<Rule> rules) {
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsYamlAndJsonIntoTheSameModel() throws IOException {
        Policy yaml = StructuredFiles.read(write("p.yaml", "rules:\n  - metric: auc\n    atLeast: 0.8\n"), Policy.class);
        Policy json = StructuredFiles.read(write("p.json", "{\"rules\":[{\"metric\":\"auc\",\"atLeast\":0.8}]}"), Policy.class);
        assertThat(yaml).isEqualTo(json).isEqualTo(new Policy(List.of(new Rule("auc", 0.8))));
    }

    @Test
    void unknownKeyNamesFileLinePathAndKnownKeys() throws IOException {
        Path file = write("p.yaml", "rules:\n  - metric: auc\n    atleast: 0.8\n");
        assertThatThrownBy(() -> StructuredFiles.read(file, Policy.class))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": unknown key 'atleast' in rules[0]")
                .hasMessageContaining("known keys: atLeast, metric")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongTypeNamesThePath() throws IOException {
        Path file = write("p.json", "{\"rules\":[{\"metric\":\"auc\",\"atLeast\":\"high\"}]}");
        assertThatThrownBy(() -> StructuredFiles.read(file, Policy.class))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("rules[0].atLeast")
                .hasMessageNotContaining("\n");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = write("m.json", "{\n  \"auc\": 0.9,\n  \"f1\" 0.5\n}");
        assertThatThrownBy(() -> StructuredFiles.readTree(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path file = write("m.json", "{\"auc\": 0.9, \"auc\": 0.5}");
        assertThatThrownBy(() -> StructuredFiles.readTree(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("auc");
    }

    @Test
    void yamlAliasBombIsRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        Path file = write("bomb.yaml", bomb.toString());
        assertThatThrownBy(() -> StructuredFiles.readTree(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("aliases are not supported");
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheirName() throws IOException {
        Path file = write("a.yaml", "base: &b [1, 2]\ncopy: *b\n");
        assertThatThrownBy(() -> StructuredFiles.readTree(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("*b");
    }

    @Test
    void missingEmptyAndNonUtf8FilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> StructuredFiles.readTree(dir.resolve("nope.yaml")))
                .hasMessage(dir.resolve("nope.yaml") + ": file not found");
        Path empty = write("empty.yaml", "");
        assertThatThrownBy(() -> StructuredFiles.readTree(empty)).hasMessage(empty + ": file is empty");
        Path latin1 = Files.write(dir.resolve("l.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> StructuredFiles.readTree(latin1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
