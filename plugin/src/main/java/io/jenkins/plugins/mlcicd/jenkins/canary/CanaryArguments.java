package io.jenkins.plugins.mlcicd.jenkins.canary;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mlcicd canary} command lines the step runs on the agent. They name files only: the
 * credentials the plan refers to reach the engine in its 0600 secrets file, never here (a command line
 * is in the build log and in every process listing of the agent).
 */
public final class CanaryArguments {
    private CanaryArguments() {
    }

    /**
     * The rollout: from the start, or, when {@code --state} holds an unfinished rollout (a relaunch
     * after the agent or the engine died), from where it was; {@code --on-resume} says which.
     *
     * @param withOut false when the caller adds {@code --out} itself ({@code AgentEngine.run} does)
     */
    public static List<String> rollout(CanaryFiles files, OnResume onResume, boolean withOut) {
        List<String> args = common(files, withOut);
        args.add("--progress=" + files.progress());
        args.add("--on-resume=" + onResume.value());
        return args;
    }

    /** Rolls back the rollout recorded in {@code --state} now (the build was aborted). */
    public static List<String> abort(CanaryFiles files, boolean withOut) {
        List<String> args = common(files, withOut);
        args.add("--progress=" + files.progress());
        args.add("--abort");
        return args;
    }

    private static List<String> common(CanaryFiles files, boolean withOut) {
        List<String> args = new ArrayList<>();
        args.add("canary");
        args.add("--plan=" + files.plan());
        args.add("--state=" + files.state());
        if (withOut) {
            args.add("--out=" + files.out());
        }
        args.add("--html=" + files.html());
        return args;
    }
}
