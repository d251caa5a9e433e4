package io.jenkins.plugins.mlcicd.jenkins.common;

import java.util.List;

/**
 * The script of the durable task that runs the engine: {@code exec} of its command line, every word
 * single-quoted. {@code exec} makes the JVM the process the durable task stops, so that a stop's
 * SIGTERM reaches the engine (which rolls back before it exits) and not a shell in between. The
 * {@code #!} line keeps the durable task from running it with {@code sh -xe}, which would trace it.
 */
public final class ShellScript {
    private ShellScript() {
    }

    public static String exec(List<String> command) {
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String word : command) {
            script.append(' ').append(quote(word));
        }
        return script.append('\n').toString();
    }

    /** One word for a POSIX shell: inside single quotes nothing is special but the quote itself. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
