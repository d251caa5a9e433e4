package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;
import java.util.List;

/**
 * How a weight is set: a command (argv, no shell, {@code ${WEIGHT}} substituted) or an HTTP call.
 *
 * @param timeout  one attempt's limit; the process tree is killed after it
 * @param attempts how often a failing call is tried in all
 */
public record RouterSpec(List<String> command, HttpCall http, Duration timeout, int attempts) {
    public RouterSpec {
        command = command == null ? null : List.copyOf(command);
    }

    /** One line for messages and the schedule, without secrets (a credentials id is only a name). */
    public String describe() {
        return command != null ? "command " + command : http.method() + " " + http.url();
    }
}
