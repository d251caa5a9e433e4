package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.canary.RolloutControl.Action;
import io.jenkins.plugins.mlcicd.jenkins.canary.RolloutControl.Mode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the execution reads a result, fails, relaunches the engine or rolls back. */
class RolloutControlTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aPromotionOrARollbackIsReadAndEndsTheStep(int exit) {
        RolloutControl control = new RolloutControl();
        assertThat(control.onExit(exit)).isEqualTo(Action.READ_RESULT);
        assertThat(control.mode()).isEqualTo(Mode.FINISHED);
        assertThat(control.onExit(exit)).isEqualTo(Action.NOTHING);
        assertThat(control.onStop()).isEqualTo(Action.NOTHING);
    }

    @Test
    void aRefusedPlanFailsWithoutARelaunch() {
        RolloutControl control = new RolloutControl();
        assertThat(control.onExit(2)).isEqualTo(Action.FAIL_BAD_PLAN);
        assertThat(control.mode()).isEqualTo(Mode.FINISHED);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, 137, 143, 3, 4})
    void anEngineThatDiedOrGaveNoRolloutVerdictIsRelaunchedOnItsStateThenGivenUpLoudly(int exit) {
        RolloutControl control = new RolloutControl();
        for (int launch = 2; launch <= RolloutControl.MAX_LAUNCHES; launch++) {
            assertThat(control.onExit(exit)).isEqualTo(Action.RELAUNCH);
            assertThat(control.launches()).isEqualTo(launch);
            assertThat(control.mode()).isEqualTo(Mode.ROLLING_OUT);
        }
        assertThat(control.onExit(exit)).isEqualTo(Action.GIVE_UP);
        assertThat(control.mode()).isEqualTo(Mode.FINISHED);
    }

    @Test
    void aRelaunchedEngineThatFinishesIsRead() {
        RolloutControl control = new RolloutControl();
        assertThat(control.onExit(-1)).isEqualTo(Action.RELAUNCH);
        assertThat(control.onExit(0)).isEqualTo(Action.READ_RESULT);
    }

    @Test
    void anAbortedBuildStopsTheEngineAndRollsBackOnceAndThenReadsTheRollback() {
        RolloutControl control = new RolloutControl();
        control.onExit(-1); // one relaunch during the rollout
        assertThat(control.onStop()).isEqualTo(Action.STOP_AND_ABORT);
        assertThat(control.mode()).isEqualTo(Mode.ABORTING);
        assertThat(control.launches()).as("the abort has launches of its own").isEqualTo(1);
        // a second abort click while rolling back does not start another rollback
        assertThat(control.onStop()).isEqualTo(Action.POLL);
        assertThat(control.onExit(1)).isEqualTo(Action.READ_ABORT_RESULT);
        assertThat(control.mode()).isEqualTo(Mode.FINISHED);
    }

    @Test
    void aRollbackThatDiesIsRelaunchedAndNeverTreatedAsABadPlan() {
        RolloutControl control = new RolloutControl();
        control.onStop();
        assertThat(control.onExit(143)).isEqualTo(Action.RELAUNCH);
        assertThat(control.onExit(2)).isEqualTo(Action.RELAUNCH);
        assertThat(control.onExit(0)).isEqualTo(Action.READ_ABORT_RESULT);
    }

    @Test
    void afterARestartTheRolloutContinuesOrRollsBackAsAsked() {
        assertThat(new RolloutControl().onResume(OnResume.CONTINUE)).isEqualTo(Action.POLL);

        RolloutControl rollback = new RolloutControl();
        assertThat(rollback.onResume(OnResume.ROLLBACK)).isEqualTo(Action.STOP_AND_ABORT);
        assertThat(rollback.mode()).isEqualTo(Mode.ABORTING);

        RolloutControl aborting = new RolloutControl();
        aborting.onStop();
        assertThat(aborting.onResume(OnResume.CONTINUE)).as("a started rollback is finished").isEqualTo(Action.POLL);
        assertThat(aborting.onResume(OnResume.ROLLBACK)).isEqualTo(Action.POLL);
        assertThat(aborting.mode()).isEqualTo(Mode.ABORTING);

        RolloutControl finished = new RolloutControl();
        finished.onExit(0);
        assertThat(finished.onResume(OnResume.ROLLBACK)).isEqualTo(Action.NOTHING);
    }

    @Test
    void itsDecisionsSurviveSerializationWithTheBuild() throws Exception {
        RolloutControl control = new RolloutControl();
        control.onExit(-1);
        control.onStop();
        control.onExit(-1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(control);
        }
        RolloutControl restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (RolloutControl) in.readObject();
        }
        assertThat(restored.mode()).isEqualTo(Mode.ABORTING);
        assertThat(restored.launches()).isEqualTo(2);
        assertThat(restored.onResume(OnResume.CONTINUE)).isEqualTo(Action.POLL);
    }
}
