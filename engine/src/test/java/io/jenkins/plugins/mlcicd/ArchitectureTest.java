package io.jenkins.plugins.mlcicd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's package rules (DESIGN.md, house rules) over its compiled main classes, so that a new
 * package is held to them the day it appears: capability packages, {@code cli} only parses options,
 * no cycles, statistics in one place, the report renders result documents without knowing who made them.
 */
class ArchitectureTest {
    private static final String ROOT = "io.jenkins.plugins.mlcicd";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        // the main classes' directory only: scanning the class path for the package would open every jar (DuckDB's is 77 MB)
        engine = new ClassFileImporter().importPath(Path.of("target", "classes"));
        assertThat(engine.stream().map(c -> c.getPackageName()).distinct()).as("engine packages").hasSizeGreaterThan(5);
    }

    @Test
    void noPackageDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
                .because("cli only parses options and calls the capability packages")
                .check(engine);
    }

    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    void statsDependsOnNothingElseOfOurs() {
        onlyOwnPackagesAndLibraries("stats").because("statistics are computed once, from numbers, and reused").check(engine);
    }

    @Test
    void reportRendersResultDocumentsWithoutKnowingWhoMadeThem() {
        // result: the document types it renders; input: escaping and JSON/YAML reading of documents;
        // output: the one writer of every output file. Never gate, data, eval, lineage, shadow, canary or
        // any later capability package whose documents it renders.
        onlyOwnPackagesAndLibraries("report", "result", "input", "output")
                .because("report depends on result types, never on the packages that produce them")
                .check(engine);
    }

    @Test
    void resultTypesDependOnNoOtherPackage() {
        onlyOwnPackagesAndLibraries("result").because("every package reads and writes result documents").check(engine);
    }

    /** Classes of {@code pkg} depend on {@code pkg}, the {@code allowed} packages of ours and non-mlcicd code only. */
    private static ArchRule onlyOwnPackagesAndLibraries(String pkg, String... allowed) {
        String[] packages = new String[allowed.length + 2];
        packages[0] = ROOT + "." + pkg + "..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 1] = ROOT + "." + allowed[i] + "..";
        }
        packages[packages.length - 1] = ROOT;
        return classes().that().resideInAPackage(ROOT + "." + pkg + "..")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are in " + String.join(", ", packages) + " or outside " + ROOT,
                        c -> !c.getPackageName().startsWith(ROOT) || matchesAny(c.getPackageName(), packages)));
    }

    private static boolean matchesAny(String packageName, String[] patterns) {
        for (String pattern : patterns) {
            String base = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
            if (pattern.endsWith("..") ? packageName.equals(base) || packageName.startsWith(base + ".") : packageName.equals(base)) {
                return true;
            }
        }
        return false;
    }
}
