package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import io.jenkins.plugins.mlcicd.lineage.DataSnapshots;
import io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe;
import io.jenkins.plugins.mlcicd.lineage.RuntimeEnvironment;
import io.jenkins.plugins.mlcicd.lineage.TrainingRequest;
import io.jenkins.plugins.mlcicd.lineage.TrainingRun;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import java.io.File;
import java.io.Serializable;
import java.util.ArrayList;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * The two halves of the engine's {@link TrainingRun} that run on the agent, in the workspace: before
 * the command (code version from git, environment) and after it (data and model digests, metrics,
 * the lineage document). Everything that reads files or asks the machine happens there, streaming
 * (the engine's hasher reads each byte once, computing the SHA-256 of the lineage and the MD5 of
 * Jenkins' fingerprints together); only small JSON texts cross the channel. The engine classes reach
 * the agent through remoting's class loading from the plugin.
 */
final class AgentTraining {
    private AgentTraining() {
    }

    /**
     * What the agent sends back before the command.
     *
     * @param startedJson the {@link TrainingRun.Started} as JSON ({@link AgentSpec#startedToJson}), or null on bad input
     * @param badInput    why the request cannot be run (e.g. a malformed command line), or null
     */
    record Started(String startedJson, String badInput) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What the agent sends back after the command.
     *
     * @param documentJson the training result document ({@code ResultDocumentJson}), or null on bad input
     * @param files        every file hashed, for Jenkins' fingerprints
     * @param badInput     why the request could not be finished, or null
     */
    record Finished(String documentJson, ArrayList<FileFingerprint> files, String badInput) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Records the code version and the environment before the command runs. */
    static final class Start implements ControllerToAgentFileCallable<Started> {
        private static final long serialVersionUID = 1L;
        private final AgentSpec spec;
        /** The interpreter's answers, asked through the build's launcher; null to ask here, on the agent. */
        private final ProbeAnswers answers;

        Start(AgentSpec spec) {
            this(spec, null);
        }

        Start(AgentSpec spec, ProbeAnswers answers) {
            this.spec = spec;
            this.answers = answers;
        }

        @Override
        public Started invoke(File workspace, VirtualChannel channel) {
            try {
                TrainingRequest request = spec.toRequest(workspace.toPath());
                // the machine facts are this agent's; the interpreter's are what the launcher's process saw
                RuntimeEnvironment environment = answers == null ? null : EnvironmentProbe.probe(spec.python(), answers.replay());
                TrainingRun.Started started = new TrainingRun(AgentTraining::launcherRunsIt).start(request, environment);
                return new Started(AgentSpec.startedToJson(started), null);
            } catch (BadInputException e) {
                return new Started(null, e.getMessage());
            }
        }
    }

    /** Snapshots data and model after the command and assembles the lineage document. */
    static final class Finish implements ControllerToAgentFileCallable<Finished> {
        private static final long serialVersionUID = 1L;
        private final AgentSpec spec;
        private final String started;
        private final Integer exitCode;
        private final boolean timedOut;
        private final String startError;
        private final long durationMs;
        private final ArrayList<String> logTail;
        private final boolean aborted;

        Finish(AgentSpec spec, String started, CommandOutcome outcome) {
            this.spec = spec;
            this.started = started;
            this.exitCode = outcome.exitCode();
            this.timedOut = outcome.timedOut();
            this.startError = outcome.startError();
            this.durationMs = outcome.durationMs();
            this.logTail = new ArrayList<>(outcome.logTail());
            this.aborted = outcome.aborted();
        }

        @Override
        public Finished invoke(File workspace, VirtualChannel channel) {
            TrainingRequest request = spec.toRequest(workspace.toPath());
            ArrayList<FileFingerprint> files = new ArrayList<>();
            DataSnapshots snapshots = new DataSnapshots((path, digest, md5) ->
                    files.add(new FileFingerprint(path, md5, FileFingerprint.isUnder(path, spec.model()))));
            try {
                var document = new TrainingRun(AgentTraining::launcherRunsIt).finish(request, AgentSpec.startedFromJson(started),
                        new CommandOutcome(exitCode, timedOut, startError, durationMs, logTail, aborted), snapshots);
                return new Finished(ResultDocumentJson.toJsonString(document), files, null);
            } catch (BadInputException e) {
                return new Finished(null, new ArrayList<>(), e.getMessage());
            }
        }
    }

    /** The agent never runs the command itself: the controller launches it through the build's launcher. */
    private static CommandOutcome launcherRunsIt(io.jenkins.plugins.mlcicd.lineage.TrainingCommand command, java.io.Writer out,
                                                 java.io.Writer err, io.jenkins.plugins.mlcicd.lineage.LogTail tail) {
        throw new IllegalStateException("the training command is launched by Jenkins, not on the agent");
    }
}
