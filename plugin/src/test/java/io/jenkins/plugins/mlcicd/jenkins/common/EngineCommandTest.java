package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineCommandTest {
    @Test
    void javaComesFromMlcicdJavaThenJavaHomeThenPath() {
        Map<String, String> both = Map.of("MLCICD_JAVA", "/opt/jdk21/bin/java", "JAVA_HOME", "/usr/lib/jvm/11");
        assertThat(EngineCommand.java(both, "/")).isEqualTo("/opt/jdk21/bin/java");
        assertThat(EngineCommand.javaSource(both)).isEqualTo("MLCICD_JAVA");

        Map<String, String> home = Map.of("JAVA_HOME", "/usr/lib/jvm/17/", "MLCICD_JAVA", " ");
        assertThat(EngineCommand.java(home, "/")).isEqualTo("/usr/lib/jvm/17/bin/java");
        assertThat(EngineCommand.javaSource(home)).isEqualTo("JAVA_HOME");

        assertThat(EngineCommand.java(Map.of("JAVA_HOME", "C:\\Java\\jdk-21\\"), "\\")).isEqualTo("C:\\Java\\jdk-21\\bin\\java");
        assertThat(EngineCommand.java(Map.of(), "/")).isEqualTo("java");
        assertThat(EngineCommand.javaSource(Map.of())).isEqualTo("PATH");
    }

    @Test
    void commandLineHasTmpDirUserOptionsClassPathMainAndArguments() {
        List<String> command = EngineCommand.build(Map.of("MLCICD_JAVA_OPTS", " -Xmx4g  -Dx=1 "), "/", ":",
                List.of("/c/aa/engine.jar", "/c/bb/duckdb.jar"), "/ws@tmp/mlcicd/run", List.of("validate", "--data=d.csv"));

        assertThat(command).containsExactly("java", EngineCommand.ADD_OPENS, "-Djava.io.tmpdir=/ws@tmp/mlcicd/run", "-Xmx4g", "-Dx=1", "-cp",
                "/c/aa/engine.jar:/c/bb/duckdb.jar", "io.jenkins.plugins.mlcicd.cli.Main", "validate", "--data=d.csv");
    }

    @Test
    void windowsClassPathUsesItsSeparator() {
        List<String> command = EngineCommand.build(Map.of(), "\\", ";", List.of("C:\\c\\a.jar", "C:\\c\\b.jar"), null, List.of("validate"));

        assertThat(command).containsExactly("java", EngineCommand.ADD_OPENS, "-cp", "C:\\c\\a.jar;C:\\c\\b.jar", EngineCommand.MAIN_CLASS, "validate");
    }
}
