package io.jenkins.plugins.mlcicd.input;

import java.util.regex.Pattern;

/**
 * The one rule for the id of a step or gate invocation ({@code mlcicd gate --id}, the Jenkins steps' {@code id}):
 * it names build actions ({@code mlcicd-<kind>-<id>}), files under the build directory and JUnit suites,
 * so it must be safe in a URL segment and a directory name on every OS. The plugin calls this, never its own copy.
 */
public final class StepIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private StepIds() {
    }

    /** Why {@code id} is not acceptable, or null when it is. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "must not be empty";
        }
        if (!ID.matcher(id).matches()) {
            return Printable.quote(id) + " must start with a letter or digit and contain only letters, digits, '-' and '_' (at most 64)";
        }
        return null;
    }

    /** {@code id}, or a {@link BadInputException} naming {@code what} (e.g. {@code --id}). */
    public static String require(String what, String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new BadInputException(what + ": " + problem);
        }
        return id;
    }
}
