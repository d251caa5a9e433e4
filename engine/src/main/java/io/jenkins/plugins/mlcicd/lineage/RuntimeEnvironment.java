package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the model was trained.
 *
 * @param os              operating system name and version
 * @param arch            CPU architecture
 * @param java            Java runtime version of the engine
 * @param python          {@code python --version} of the configured interpreter, null when there is none
 * @param pipFreezeSha256 SHA-256 of {@code python -m pip freeze} output: equal digests mean equal installed packages
 * @param pythonProblem   why python or pip could not be probed, or null
 * @param cpus            processors available to the JVM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeEnvironment(String os, String arch, String java, String python, String pipFreezeSha256,
        String pythonProblem, int cpus) {
}
