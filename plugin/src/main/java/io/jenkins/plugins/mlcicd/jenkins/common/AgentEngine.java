package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * Runs the engine's CLI on the build's agent, in a child JVM (DESIGN.md §4): heavy data work (DuckDB
 * with its native code, large files) never runs in the controller, and the agent's heap and crashes
 * stay the child's.
 *
 * <ol>
 *   <li>The engine's jars ({@link EngineJars}: the plugin's own libraries and Jackson/SnakeYAML of the
 *       plugins it depends on) are copied to the agent's cache ({@link EngineCache}), by content
 *       digest, once per agent: {@code <node root>/caches/mlcicd-engine/<sha256>/<jar>}, or the same
 *       under the workspace's {@code @tmp} directory when the launcher runs commands in a container
 *       ({@code docker.inside} mounts only the workspace and its {@code @tmp}) or the node's root is
 *       unknown ({@link #cacheRoot}).</li>
 *   <li>{@code java} ({@link EngineCommand}) runs {@code io.jenkins.plugins.mlcicd.cli.Main} with the
 *       step's CLI arguments in the workspace, with the build's environment, its output in the build
 *       log; its request files and result document live in a work directory under the workspace's
 *       {@code @tmp} directory ({@link #workDirectory}), which the caller deletes.</li>
 *   <li>The exit code is read as the CLI defines it ({@link EngineExit}): bad input fails the step
 *       with the CLI's one-line message, a verdict's code yields the result document.</li>
 * </ol>
 */
public final class AgentEngine {
    /** The result document's name in the work directory. */
    public static final String RESULT_FILE = "result.json";
    /** How much of the JVM's standard error is kept to quote its last line. */
    private static final int STDERR_TAIL = 16 * 1024;

    private AgentEngine() {
    }

    /**
     * A new, empty work directory for one engine run: {@code <workspace>@tmp/mlcicd/<name>-<random>}.
     * Delete it with {@link #deleteQuietly} when done.
     */
    public static FilePath workDirectory(FilePath workspace, String name) throws IOException, InterruptedException {
        FilePath tmp = WorkspaceList.tempDir(workspace);
        if (tmp == null) {
            throw new AbortException("the workspace " + workspace.getRemote() + " has no parent directory for its @tmp area");
        }
        FilePath dir = tmp.child("mlcicd").child(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        dir.mkdirs();
        return dir;
    }

    /** Deletes a work directory; a failure is logged, not thrown: the step's result is what matters. */
    public static void deleteQuietly(FilePath dir, PrintStream log, String prefix) throws InterruptedException {
        try {
            dir.deleteRecursive();
        } catch (IOException e) {
            log.println(prefix + "could not delete " + dir.getRemote() + ": " + e.getMessage());
        }
    }

    /**
     * Runs {@code mlcicd <arguments> --out <work dir>/result.json} on the agent and returns the result.
     *
     * @param prefix    what every log line of the step starts with
     * @param workDir   from {@link #workDirectory}: the JVM's temporary directory and where the result goes
     * @param arguments the CLI command and its options, without {@code --out}
     * @throws BadInputException when the CLI refused its input (exit code 2), with its message
     * @throws AbortException    when the JVM crashed or wrote no usable result
     */
    public static ResultDocument run(BuildContext build, String prefix, FilePath workDir, List<String> arguments)
            throws IOException, InterruptedException {
        return run(build, prefix, workDir, arguments, new EngineSecrets(), Map.of(), null);
    }

    /**
     * {@link #run(BuildContext, String, FilePath, List)} with secrets in a file ({@link EngineSecrets}:
     * 0600, in the work directory, named to the engine by {@value io.jenkins.plugins.mlcicd.input.Secrets#FILE_ENV}),
     * the engine's output masked for them line by line in the build log ({@link MaskingOutputStream}), and,
     * when {@code resultOnAbort} is given, what the engine measured until the build was aborted.
     *
     * <p>Never a secret's value in the environment: inside {@code docker.inside} the launcher runs
     * {@code docker exec --env NAME=value …}, which the host's process list shows to every user. The
     * secrets file is deleted with the work directory by the caller.
     *
     * <p>Aborting the build interrupts the thread waiting for the JVM; Jenkins' {@code Proc.join} then
     * stops it the way {@code ProcessTree} does, with SIGTERM first (a local process gets up to
     * {@code SoftKillWaitSeconds}, 5 s by default, to end; a remote one is cancelled on the agent, which does
     * the same there). An engine command that handles SIGTERM writes its result document before it ends:
     * this method then waits up to {@code resultOnAbort} for that document and throws {@link EngineAborted}
     * carrying it, so that the step can keep it with the build before the abort goes on.
     *
     * @param secrets       the secrets to hand over (may be empty)
     * @param environment   extra variables that are not secret (a database user name), on top of the build's
     * @param resultOnAbort how long to wait for the result document after an abort; null not to wait
     * @throws EngineAborted when {@code resultOnAbort} is given and the build was aborted while the engine ran
     */
    public static ResultDocument run(BuildContext build, String prefix, FilePath workDir, List<String> arguments,
                                     EngineSecrets secrets, Map<String, String> environment, Duration resultOnAbort)
            throws IOException, InterruptedException {
        Map<String, String> extra = new HashMap<>(environment);
        extra.putAll(secrets.writeTo(workDir));
        if (!secrets.isEmpty()) {
            build.listener().getLogger().println(prefix + "secrets for the engine (in a file only its owner can read, masked in this log): "
                    + String.join(", ", secrets.names()));
        }
        return run(build, prefix, workDir, arguments, extra, secrets.maskedValues(), resultOnAbort);
    }

    /**
     * {@link #run(BuildContext, String, FilePath, List, EngineSecrets, Map, Duration)} for a work directory
     * whose secrets file is already written ({@link EngineSecrets#writeTo}, e.g. before a step's first of
     * several engine runs).
     *
     * @param environment the extra variables, {@value io.jenkins.plugins.mlcicd.input.Secrets#FILE_ENV} among them
     * @param masked      the secret values to mask in the engine's output
     */
    public static ResultDocument run(BuildContext build, String prefix, FilePath workDir, List<String> arguments,
                                     Map<String, String> environment, List<String> masked, Duration resultOnAbort)
            throws IOException, InterruptedException {
        return launch(build, prefix, workDir, arguments, environment, masked, resultOnAbort);
    }

    private static ResultDocument launch(BuildContext build, String prefix, FilePath workDir, List<String> arguments,
                                         Map<String, String> extraEnvironment, List<String> secretValues,
                                         Duration resultOnAbort)
            throws IOException, InterruptedException {
        PrintStream log = build.listener().getLogger();
        Provisioned engine = provision(build.workspace(), runsInAContainer(build.launcher()), log, prefix);

        FilePath result = workDir.child(RESULT_FILE);
        List<String> cli = new ArrayList<>(arguments);
        cli.add("--out=" + result.getRemote());
        List<String> command = engine.command(build.env(), workDir.getRemote(), cli);
        log.println(prefix + "engine JVM on the agent: " + command.get(0) + " (from " + EngineCommand.javaSource(build.env())
                + "), " + engine.classpath().size() + " jars from " + engine.cacheRoot());
        log.println(prefix + "mlcicd " + String.join(" ", cli));

        build.workspace().mkdirs();
        // the engine's standard error goes through the mask before its tail is kept: the tail is quoted in messages
        StreamTail tail = new StreamTail(log, STDERR_TAIL);
        MaskingOutputStream stderr = new MaskingOutputStream(tail, secretValues, StandardCharsets.UTF_8);
        MaskingOutputStream stdout = new MaskingOutputStream(log, secretValues, StandardCharsets.UTF_8);
        int exitCode;
        try {
            Launcher.ProcStarter starter = build.launcher().launch()
                    .cmds(command)
                    .pwd(build.workspace())
                    .envs(EngineCommand.environment(build.env(), extraEnvironment))
                    .stderr(stderr)
                    .quiet(true);
            // unmasked output goes to the listener as before; masked output through the filter
            starter = stdout.masks() ? starter.stdout(stdout) : starter.stdout(build.listener());
            exitCode = starter.start().join();
        } catch (InterruptedException e) {
            stdout.close();
            stderr.close();
            if (resultOnAbort == null) {
                throw e;
            }
            log.println(prefix + "aborted: the engine was told to stop (SIGTERM); waiting up to "
                    + resultOnAbort.toSeconds() + " s for what it measured until now");
            ResultDocument measured;
            try {
                measured = ResultOnAbort.await(() -> result.exists() ? WorkspaceFiles.readText(workDir, RESULT_FILE, "engine result") : null,
                        resultOnAbort, Thread::sleep, System::nanoTime);
            } catch (InterruptedException again) {
                // aborted once more while waiting: give up on the result
                measured = null;
            } catch (IOException unreadable) {
                log.println(prefix + "the engine's result after the abort cannot be read: " + unreadable.getMessage());
                measured = null;
            }
            if (measured == null) {
                log.println(prefix + "the engine wrote no result before it ended; nothing measured is kept");
            }
            throw new EngineAborted(e, measured);
        } catch (IOException e) {
            // typically "Cannot run program": no such java on the agent; or the agent went away
            throw new AbortException("the engine's JVM " + command.get(0) + " (from " + EngineCommand.javaSource(build.env())
                    + ") failed on the agent: " + e.getMessage() + "; if it cannot be run, set " + EngineCommand.JAVA_ENV
                    + " or JAVA_HOME to a Java 17 or newer");
        }
        stdout.close();
        stderr.close();

        switch (EngineExit.of(exitCode)) {
            case BAD_INPUT -> throw new BadInputException(EngineExit.badInputMessage(tail.text()));
            case CRASH -> throw new AbortException(crash(exitCode, tail.text()));
            default -> {
                // a verdict's exit code: the result document must be there
            }
        }
        if (!result.exists()) {
            throw new AbortException(crash(exitCode, tail.text()) + "; it wrote no result document");
        }
        String text = WorkspaceFiles.readText(workDir, RESULT_FILE, "engine result");
        try {
            return EngineResults.parse(RESULT_FILE, text, exitCode);
        } catch (IllegalStateException | BadInputException e) {
            throw new AbortException("the engine's result cannot be used: " + e.getMessage());
        }
    }

    /**
     * The engine's jars in the agent's cache and the agent's separators: what a command line of the
     * engine's JVM on that agent needs ({@link Provisioned#command}).
     *
     * @param classpath     absolute paths of the cached jars on the agent
     * @param cacheRoot     the agent's cache directory, for the log
     * @param fileSeparator the agent's {@code File.separator}
     * @param pathSeparator the agent's {@code File.pathSeparator}
     */
    public record Provisioned(List<String> classpath, String cacheRoot, String fileSeparator, String pathSeparator) {
        public Provisioned {
            classpath = List.copyOf(classpath);
        }

        /** {@link EngineCommand#build} for this agent. */
        public List<String> command(Map<String, String> env, String tmpDir, List<String> cli) {
            return EngineCommand.build(env, fileSeparator, pathSeparator, classpath, tmpDir, cli);
        }
    }

    /**
     * Copies the engine's jars the agent's cache lacks (by content digest) and returns where they are.
     * Steps that start the engine's JVM themselves (as a durable task) call this; {@link #run} does too.
     */
    public static Provisioned provision(FilePath workspace, boolean container, PrintStream log, String prefix)
            throws IOException, InterruptedException {
        List<EngineJars.Located> jars;
        try {
            jars = EngineJars.locate(AgentEngine.class.getClassLoader());
        } catch (IllegalStateException e) {
            throw new AbortException(e.getMessage());
        }
        List<EngineJar> wanted = jars.stream().map(EngineJars.Located::jar).toList();

        FilePath cache = cacheRoot(workspace, container);
        cache.mkdirs();
        AgentFacts facts = cache.act(new Inspect(new ArrayList<>(wanted)));
        if (!facts.pruned().isEmpty()) {
            log.println(prefix + "removed " + facts.pruned().size() + " engine version(s) unused for "
                    + EngineCache.UNUSED_FOR.toDays() + " days from the agent's cache");
        }
        for (EngineJars.Located jar : jars) {
            if (facts.missing().contains(jar.jar())) {
                copy(jar, cache, log, prefix);
            }
        }
        List<String> classpath = wanted.stream()
                .map(jar -> facts.root() + facts.fileSeparator() + jar.sha256() + facts.fileSeparator() + jar.fileName())
                .toList();
        return new Provisioned(classpath, facts.root(), facts.fileSeparator(), facts.pathSeparator());
    }

    private static String crash(int exitCode, String stderr) {
        String last = EngineExit.lastLine(stderr);
        return "the engine's JVM ended with exit code " + exitCode
                + (last == null ? "" : " (" + last + ")")
                + "; see the build log. It needs Java 17 or newer: set " + EngineCommand.JAVA_ENV
                + " or JAVA_HOME, and " + EngineCommand.JAVA_OPTS_ENV + " (e.g. -Xmx4g) for more memory";
    }

    /**
     * Where the engine's jars go on the agent ({@link CachePlace}): the node's shared cache, or the
     * workspace's {@code @tmp} area when the engine's JVM runs in a container (only the workspace and
     * its {@code @tmp} are mounted there) or the node's root is not known (a node removed while the
     * build runs).
     */
    static FilePath cacheRoot(FilePath workspace, boolean container) throws AbortException {
        FilePath root = null;
        if (!container) {
            Computer computer = workspace.toComputer();
            Node node = computer == null ? null : computer.getNode();
            root = node == null ? null : node.getRootPath();
        }
        if (CachePlace.of(container, root != null) == CachePlace.NODE) {
            return Objects.requireNonNull(root).child("caches").child(EngineCache.DIRECTORY);
        }
        FilePath tmp = WorkspaceList.tempDir(workspace);
        if (tmp == null) {
            throw new AbortException("no place for the engine's jars on the agent: the workspace "
                    + workspace.getRemote() + " has no parent directory");
        }
        return tmp.child(EngineCache.DIRECTORY);
    }

    /**
     * Whether commands run through a decorated launcher: {@code docker.inside}/{@code withDockerContainer}
     * and Kubernetes' {@code container} wrap the agent's launcher in a {@link Launcher.DecoratedLauncher}
     * that runs them in a container, where the node's root directory is not mounted. Any other decorator
     * is treated alike: the workspace's {@code @tmp} is reachable wherever the workspace is.
     */
    public static boolean runsInAContainer(Launcher launcher) {
        return launcher instanceof Launcher.DecoratedLauncher;
    }

    /** The two places of the engine's jar cache on an agent; Jenkins-free so that the choice is unit-tested. */
    enum CachePlace {
        /** {@code <node root>/caches/mlcicd-engine}: shared by every job on the node, copied once per agent. */
        NODE,
        /** {@code <workspace>@tmp/mlcicd-engine}: visible inside a container; copied once per workspace. */
        WORKSPACE_TMP;

        static CachePlace of(boolean container, boolean nodeRootKnown) {
            return !container && nodeRootKnown ? NODE : WORKSPACE_TMP;
        }
    }

    private static void copy(EngineJars.Located jar, FilePath cache, PrintStream log, String prefix)
            throws IOException, InterruptedException {
        EngineJar engineJar = jar.jar();
        FilePath directory = cache.child(engineJar.sha256());
        directory.mkdirs();
        String partName = EngineCache.partName(engineJar);
        directory.child(partName).copyFrom(new FilePath(jar.file().toFile()));
        cache.act(new Install(partName, engineJar));
        log.println(prefix + "copied " + engineJar.fileName() + " ("
                + String.format(Locale.ROOT, "%.1f MB", engineJar.size() / 1e6) + ") to the agent's cache");
    }

    /**
     * What the agent says about its cache: the jars it lacks, the cache's absolute path, and its
     * separators (the class path is built on the controller for the agent's OS).
     */
    // The list is not copied: the record is sent over the channel and read once.
    record AgentFacts(ArrayList<EngineJar> missing, String root, String fileSeparator, String pathSeparator,
                      ArrayList<String> pruned)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** On the agent: which of the jars the cache lacks; marks those it has as used and prunes old versions. */
    // The list is not copied: the record is sent over the channel and read once.
    record Inspect(ArrayList<EngineJar> jars) implements ControllerToAgentFileCallable<AgentFacts> {
        private static final long serialVersionUID = 1L;

        @Override
        public AgentFacts invoke(File root, VirtualChannel channel) throws IOException {
            Path cache = root.toPath();
            Instant now = Instant.now();
            EngineCache.markUsed(cache, jars, now);
            ArrayList<String> pruned = new ArrayList<>(EngineCache.prune(cache, jars, now, EngineCache.UNUSED_FOR));
            return new AgentFacts(new ArrayList<>(EngineCache.missing(cache, jars)), root.getAbsolutePath(),
                    File.separator, File.pathSeparator, pruned);
        }
    }

    /** On the agent: checks a copied jar's digest and moves it into place. */
    record Install(String partName, EngineJar jar) implements ControllerToAgentFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File root, VirtualChannel channel) throws IOException {
            return EngineCache.install(root.toPath(), partName, jar).toString();
        }
    }
}
