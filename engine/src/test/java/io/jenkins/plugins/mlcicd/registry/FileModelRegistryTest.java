package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryTest {
    @TempDir
    Path root;

    static VersionDraft draft(String sha) {
        ObjectNode lineage = Json.mapper().createObjectNode();
        lineage.putObject("code").put("commit", "abc");
        return new VersionDraft(new ModelReference("s3://models/m.bin", sha, 42), Map.of("auc", 0.9), "https://ci/job/1/", "ci", lineage);
    }

    static final Promotion WHY = new Promotion("alice", "gate passed", "https://ci/job/2/", "PASSED");

    @Test
    void versionsAreNumberedFromOneAndReadBackAsWritten() {
        FileModelRegistry registry = new FileModelRegistry(root);
        ModelVersion first = registry.register("fraud", draft("a".repeat(64)));
        ModelVersion second = registry.register("fraud", draft("b".repeat(64)));
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(registry.get("fraud", 1)).isEqualTo(first);
        assertThat(registry.list("fraud")).containsExactly(first, second);
        assertThat(first.lineage().get("code").get("commit").asText()).isEqualTo("abc");
        assertThat(root.resolve("fraud/versions/1.json")).content(StandardCharsets.UTF_8).contains("\"schema\" : \"mlcicd/model-version/v1\"");
    }

    @Test
    void aliasesMoveWithAnAuditTrail() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        registry.register("fraud", draft("b".repeat(64)));
        AliasMove created = registry.setAlias("fraud", "champion", 1, WHY);
        AliasMove moved = registry.setAlias("fraud", "champion", 2, new Promotion("bob", "better auc", null, "WARNING"));
        registry.setAlias("fraud", "candidate", 2, WHY);
        AliasMove removed = registry.removeAlias("fraud", "candidate", new Promotion("carol", "retired", null, null));

        assertThat(created.fromVersion()).isNull();
        assertThat(moved.fromVersion()).isEqualTo(1);
        assertThat(moved.toVersion()).isEqualTo(2);
        assertThat(removed.toVersion()).isNull();
        assertThat(registry.aliases("fraud")).containsExactly(Map.entry("champion", 2));
        List<AliasMove> history = registry.history("fraud");
        assertThat(history).extracting(AliasMove::actor).containsExactly("alice", "bob", "alice", "carol");
        assertThat(history.get(0).sourceUrl()).isEqualTo("https://ci/job/2/");
        assertThat(history.get(1).gateVerdict()).isEqualTo("WARNING");
        assertThat(Files.readAllLines(root.resolve("fraud/alias-log.jsonl"))).hasSize(4);
        assertThat(root.resolve("fraud/aliases.json")).content().contains("\"logEntries\" : 4");
    }

    @Test
    void unknownModelsVersionsAndAliasesAreNotFound() {
        FileModelRegistry registry = new FileModelRegistry(root);
        assertThatThrownBy(() -> registry.list("nope")).isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
        registry.register("fraud", draft("a".repeat(64)));
        assertThatThrownBy(() -> registry.get("fraud", 2)).hasMessageContaining("has no version 2");
        assertThatThrownBy(() -> registry.setAlias("fraud", "champion", 5, WHY)).hasMessageContaining("no such version");
        assertThatThrownBy(() -> registry.removeAlias("fraud", "champion", WHY)).hasMessageContaining("no alias 'champion'");
    }

    @Test
    void namesThatCouldEscapeTheDirectoryOrShadowVersionsAreRefused() {
        FileModelRegistry registry = new FileModelRegistry(root);
        for (String bad : List.of("../x", "a/b", ".hidden", "", "a..b")) {
            assertThatThrownBy(() -> registry.register(bad, draft("a".repeat(64))))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("is invalid");
        }
        registry.register("fraud", draft("a".repeat(64)));
        assertThatThrownBy(() -> registry.setAlias("fraud", "v1", 1, WHY)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> registry.setAlias("fraud", "Latest", 1, WHY)).hasMessageContaining("reserved");
    }

    @Test
    void leftoverTemporaryFilesFromACrashAreIgnored() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        // A writer died after creating its temporary file for version 2, half-written.
        Files.writeString(root.resolve("fraud/versions/.2.json.123456.tmp"), "{\"schema\": \"mlcicd/model-vers");
        Files.writeString(root.resolve("fraud/.aliases.json.99.tmp"), "{");
        assertThat(registry.list("fraud")).extracting(ModelVersion::version).containsExactly(1);
        assertThat(registry.register("fraud", draft("b".repeat(64))).version()).isEqualTo(2);
        assertThat(registry.get("fraud", 2).model().sha256()).isEqualTo("b".repeat(64));
    }

    @Test
    void anExistingVersionFileIsNeverOverwritten() throws Exception {
        Path versions = Files.createDirectories(root.resolve("fraud/versions"));
        Path existing = Files.writeString(versions.resolve("1.json"), "original");
        assertThatThrownBy(() -> FileModelRegistry.writeNew(existing, "replacement".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("already exists");
        assertThat(existing).hasContent("original");
        assertThat(versions).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));

        FileModelRegistry.writeNew(versions.resolve("2.json"), "new".getBytes(StandardCharsets.UTF_8));
        assertThat(versions.resolve("2.json")).hasContent("new");
    }

    @Test
    void aVersionFileWrittenBehindTheRegistrysBackIsNotReused() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        Files.copy(root.resolve("fraud/versions/1.json"), root.resolve("fraud/versions/2.json"));
        assertThat(registry.register("fraud", draft("c".repeat(64))).version()).isEqualTo(3);
    }

    @Test
    void aTornLogLineIsIgnoredByReadersAndCutByTheNextWriter() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        registry.setAlias("fraud", "champion", 1, WHY);
        Path log = root.resolve("fraud/alias-log.jsonl");
        Files.writeString(log, "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"alias\":\"champ", StandardOpenOption.APPEND);
        assertThat(registry.history("fraud")).hasSize(1);
        assertThat(registry.aliases("fraud")).containsExactly(Map.entry("champion", 1));

        registry.register("fraud", draft("b".repeat(64)));
        registry.setAlias("fraud", "champion", 2, WHY);
        assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(line -> assertThat(line).endsWith("}"));
        assertThat(registry.history("fraud")).extracting(AliasMove::fromVersion).containsExactly(null, 1);
    }

    @Test
    void aliasesFileBehindTheLogIsRepairedFromTheLog() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        registry.register("fraud", draft("b".repeat(64)));
        registry.setAlias("fraud", "champion", 1, WHY);
        Path aliasesFile = root.resolve("fraud/aliases.json");
        String stale = Files.readString(aliasesFile);
        registry.setAlias("fraud", "champion", 2, WHY);
        Files.writeString(aliasesFile, stale); // crash after the log append, before aliases.json was replaced
        assertThat(registry.aliases("fraud")).containsExactly(Map.entry("champion", 2));
        registry.setAlias("fraud", "candidate", 1, WHY);
        assertThat(registry.history("fraud").get(2).fromVersion()).isNull();
        assertThat(Files.readString(aliasesFile)).contains("\"champion\" : 2").contains("\"logEntries\" : 3");
    }

    @Test
    void aDamagedAliasesFileIsRebuiltFromTheLog() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        registry.setAlias("fraud", "champion", 1, WHY);
        Files.writeString(root.resolve("fraud/aliases.json"), ""); // e.g. emptied by a power loss before its data reached disk
        assertThat(registry.aliases("fraud")).containsExactly(Map.entry("champion", 1));
        registry.setAlias("fraud", "candidate", 1, WHY);
        assertThat(registry.aliases("fraud")).containsOnlyKeys("champion", "candidate");
    }

    @Test
    void aDamagedVersionRecordIsAStorageErrorNamingTheFile() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root);
        registry.register("fraud", draft("a".repeat(64)));
        Files.writeString(root.resolve("fraud/versions/1.json"), "{\"schema\": \"other\"}");
        assertThatThrownBy(() -> registry.get("fraud", 1)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("1.json").satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.STORAGE));
    }
}
