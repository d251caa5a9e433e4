package io.jenkins.plugins.mlcicd.jenkins.canary;

import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import java.io.Serializable;

/**
 * What the step's execution does next, decided from what it observed; no Jenkins calls, so that every
 * path (promotion, rollback, bad plan, a dead engine, an aborted build, a controller restart) is unit
 * tested. The execution keeps it as serialized state with the build, so a decision survives a restart.
 *
 * <p>The rules, and why:
 * <ul>
 *   <li>Exit 0 (promoted) or 1 (rolled back / failed): the engine wrote its result; read it.</li>
 *   <li>Exit 2: the plan was refused before any traffic moved; fail with the engine's line.</li>
 *   <li>Any other exit while a rollout is under way (the JVM was killed, the agent rebooted and the
 *       durable task reports -1, a crash): traffic may be on the canary with nobody watching, so the
 *       engine is launched again with the same {@code --state}; it resumes (or finishes a rollback it
 *       had started). At most {@link #MAX_LAUNCHES} launches, then the step fails loudly.</li>
 *   <li>The build is aborted ({@code stop}) or the controller restarted with {@code onResume: 'rollback'}:
 *       the running engine is stopped (SIGTERM: it starts rolling back) and {@code --abort} is run on the
 *       same state, which waits for the engine's lock and finishes the rollback; only then does the step end.</li>
 * </ul>
 */
public final class RolloutControl implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Launches of one engine command (the rollout, or the abort) before the step gives up. */
    public static final int MAX_LAUNCHES = 4;

    public enum Mode {
        /** The rollout's engine runs. */
        ROLLING_OUT,
        /** The build was aborted: the {@code --abort} engine runs. */
        ABORTING,
        /** The step has ended, or is ending. */
        FINISHED
    }

    public enum Action {
        /** Nothing to do now: look again at the next poll. */
        POLL,
        /** The rollout ended with a result document: publish it, the step ends with its outcome. */
        READ_RESULT,
        /** The rollback after an abort ended: publish its result, the step fails with the abort's cause. */
        READ_ABORT_RESULT,
        /** The engine refused the plan: fail with its message. */
        FAIL_BAD_PLAN,
        /** The engine died: launch the same command again on the same state. */
        RELAUNCH,
        /** Stop the rollout's engine and launch the {@code --abort} engine. */
        STOP_AND_ABORT,
        /** Too many launches: fail, saying that traffic may still be on the canary. */
        GIVE_UP,
        /** The step has ended already. */
        NOTHING
    }

    private Mode mode = Mode.ROLLING_OUT;
    private int launches = 1;

    public synchronized Mode mode() {
        return mode;
    }

    public synchronized int launches() {
        return launches;
    }

    /** The engine's process ended with {@code exitCode} (the durable task reports -1 or -2 for a vanished process). */
    public synchronized Action onExit(int exitCode) {
        if (mode == Mode.FINISHED) {
            return Action.NOTHING;
        }
        EngineExit exit = EngineExit.of(exitCode);
        boolean result = exit == EngineExit.RESULT && (exitCode == 0 || exitCode == 1);
        if (result) {
            Action action = mode == Mode.ABORTING ? Action.READ_ABORT_RESULT : Action.READ_RESULT;
            mode = Mode.FINISHED;
            return action;
        }
        if (exit == EngineExit.BAD_INPUT && mode == Mode.ROLLING_OUT) {
            mode = Mode.FINISHED;
            return Action.FAIL_BAD_PLAN;
        }
        if (launches < MAX_LAUNCHES) {
            launches++;
            return Action.RELAUNCH;
        }
        mode = Mode.FINISHED;
        return Action.GIVE_UP;
    }

    /** The build was aborted. */
    public synchronized Action onStop() {
        if (mode == Mode.ROLLING_OUT) {
            startAborting();
            return Action.STOP_AND_ABORT;
        }
        return mode == Mode.ABORTING ? Action.POLL : Action.NOTHING;
    }

    /** The controller restarted while the step ran. */
    public synchronized Action onResume(OnResume onResume) {
        return switch (mode) {
            case ROLLING_OUT -> {
                if (onResume == OnResume.ROLLBACK) {
                    startAborting();
                    yield Action.STOP_AND_ABORT;
                }
                yield Action.POLL;
            }
            case ABORTING -> Action.POLL;
            case FINISHED -> Action.NOTHING;
        };
    }

    /** The step failed for a reason of its own (e.g. it cannot reach the agent to launch): nothing more to do. */
    public synchronized void finished() {
        mode = Mode.FINISHED;
    }

    private void startAborting() {
        mode = Mode.ABORTING;
        launches = 1;
    }

    @Override
    public synchronized String toString() {
        return mode + " (launch " + launches + " of at most " + MAX_LAUNCHES + ")";
    }
}
