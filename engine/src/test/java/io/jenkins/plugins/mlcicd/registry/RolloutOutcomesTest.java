package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutOutcomesTest {
    @TempDir
    Path root;

    private FileModelRegistry registryWithThreeVersions() {
        FileModelRegistry registry = new FileModelRegistry(root);
        for (String sha : new String[] {"a".repeat(64), "b".repeat(64), "c".repeat(64)}) {
            registry.register("fraud", FileModelRegistryTest.draft(sha));
        }
        return registry;
    }

    @Test
    void promotionMovesProductionAndRollbackLeavesIt() {
        FileModelRegistry registry = registryWithThreeVersions();
        RolloutOutcomes.promoted(registry, "fraud", 1, new Promotion("ci", "canary promoted", null, null));

        AliasMove move = RolloutOutcomes.rolledBack(registry, "fraud", 2,
                new Promotion("ci", "canary rolled back: latencyP95 0.081 > 0.050", "https://ci/job/7/", null));

        assertThat(move.alias()).isEqualTo(RolloutOutcomes.ROLLED_BACK);
        assertThat(registry.aliases("fraud")).containsEntry(RolloutOutcomes.PRODUCTION, 1).containsEntry(RolloutOutcomes.ROLLED_BACK, 2);
        assertThat(RolloutOutcomes.rollbackReason(registry, "fraud", 2)).isEqualTo("canary rolled back: latencyP95 0.081 > 0.050");
        assertThat(RolloutOutcomes.rollbackReason(registry, "fraud", 1)).isNull();
    }

    @Test
    void everyRolledBackVersionStaysMarkedWithItsOwnReason() {
        FileModelRegistry registry = registryWithThreeVersions();
        RolloutOutcomes.rolledBack(registry, "fraud", 2, new Promotion("ci", "errorRate", null, null));
        RolloutOutcomes.rolledBack(registry, "fraud", 3, new Promotion("ci", "aborted", null, null));
        RolloutOutcomes.promoted(registry, "fraud", 1, new Promotion("ci", "promoted", null, null));

        assertThat(RolloutOutcomes.rolledBackVersions(registry, "fraud")).containsExactly(2, 3);
        assertThat(RolloutOutcomes.rollbackReason(registry, "fraud", 2)).isEqualTo("errorRate");
        assertThat(RolloutOutcomes.rollbackReason(registry, "fraud", 3)).isEqualTo("aborted");
    }

    @Test
    void anUnknownVersionIsRefusedByTheRegistry() {
        FileModelRegistry registry = registryWithThreeVersions();
        assertThatThrownBy(() -> RolloutOutcomes.promoted(registry, "fraud", 9, new Promotion("ci", "x", null, null)))
                .isInstanceOf(RegistryException.class);
    }
}
