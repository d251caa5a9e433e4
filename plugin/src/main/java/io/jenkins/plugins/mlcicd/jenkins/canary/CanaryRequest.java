package io.jenkins.plugins.mlcicd.jenkins.canary;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.Serializable;

/**
 * What one {@code mlCanary} is asked to do, as both front ends bind it.
 *
 * @param plan     workspace path of the rollout plan (YAML or JSON), or null
 * @param planYaml the plan's keys inline (YAML or JSON text), or null; exactly one of the two
 * @param onResume what happens after a controller restart
 * @param model    the registered model's name whose version goes out, or null (no registry update)
 * @param version  that version's number, as text (a build parameter is text), or null
 */
public record CanaryRequest(String plan, String planYaml, OnResume onResume, String model, String version)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public CanaryRequest {
        plan = trimmed(plan);
        planYaml = planYaml == null || planYaml.isBlank() ? null : planYaml;
        onResume = onResume == null ? OnResume.CONTINUE : onResume;
        model = trimmed(model);
        version = trimmed(version);
    }

    /** Checks what the engine cannot: which plan, and the registry target; returns this. */
    public CanaryRequest validated(String functionName) {
        if (plan == null && planYaml == null) {
            throw new BadInputException(functionName + ": give the rollout plan: plan (a workspace file) or planYaml (its keys inline)");
        }
        if (plan != null && planYaml != null) {
            throw new BadInputException(functionName + ": give either plan or planYaml, not both");
        }
        if ((model == null) != (version == null)) {
            throw new BadInputException(functionName + ": model and version go together (the registry records the outcome of that version)");
        }
        if (version != null) {
            registryVersion(functionName);
        }
        return this;
    }

    /** The version as a number; a positive integer. */
    public int registryVersion(String functionName) {
        try {
            int number = Integer.parseInt(version);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(functionName + ": version: '" + version + "' is not a registered version's number (1, 2, …)");
    }

    public boolean inline() {
        return planYaml != null;
    }

    /** Names the plan in messages: its path, or {@code the inline plan}. */
    public String describePlan() {
        return inline() ? "the inline plan (planYaml)" : plan;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
