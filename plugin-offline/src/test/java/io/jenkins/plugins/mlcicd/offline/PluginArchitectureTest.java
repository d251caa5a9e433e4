package io.jenkins.plugins.mlcicd.offline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin is Jenkins wiring around the engine: it holds no statistics (it calls the engine, on the
 * agent), runs the CLI in a child JVM rather than in the controller, and never touches the offline
 * build's stand-in helpers.
 */
class PluginArchitectureTest {
    private static final String ENGINE = "io.jenkins.plugins.mlcicd";
    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter().importClasses(PluginClasses.all());
        assertThat(plugin.size()).isEqualTo(PluginClasses.all().size());
    }

    @Test
    void thePluginHoldsAndCallsNoStatistics() {
        noClasses().should().dependOnClassesThat().resideInAPackage(ENGINE + ".stats..")
                .because("statistics are the engine's, computed on the agent").check(plugin);
    }

    @Test
    void thePluginRunsTheCliOnlyAsAChildJvm() {
        noClasses().should().dependOnClassesThat().resideInAPackage(ENGINE + ".cli..")
                .because("the controller does not load picocli or run engine commands in-process").check(plugin);
    }

    @Test
    void thePluginNeverUsesTheStandInHelpers() {
        noClasses().should().dependOnClassesThat().resideInAPackage("standin..")
                .because("they exist only in the offline build").check(plugin);
    }
}
