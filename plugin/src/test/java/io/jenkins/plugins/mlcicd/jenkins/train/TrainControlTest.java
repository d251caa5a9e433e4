package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.train.TrainControl.Action;
import io.jenkins.plugins.mlcicd.jenkins.train.TrainControl.Phase;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mlTrain's durable execution: what it does on each observation. */
class TrainControlTest {
    @Test
    void pollsWhileTheCommandRunsAndFinishesWithItsExitCode() {
        TrainControl control = new TrainControl(null);
        assertThat(control.onPoll(null, 1_000)).isEqualTo(Action.POLL);
        assertThat(control.onPoll(null, 86_400_000)).isEqualTo(Action.POLL); // no timeout: no limit
        assertThat(control.onPoll(3, 90_000_000)).isEqualTo(Action.FINISH);
        assertThat(control.phase()).isEqualTo(Phase.FINISHED);
        assertThat(control.onPoll(3, 90_000_001)).isEqualTo(Action.NOTHING);
        CommandOutcome outcome = control.outcome(3, 5, List.of("boom"));
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.aborted()).isFalse();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.logTail()).containsExactly("boom");
    }

    @Test
    void theTimeoutStopsTheCommandOnceAndItsOutcomeIsTimedOut() {
        TrainControl control = new TrainControl(60_000L);
        assertThat(control.onPoll(null, 59_999)).isEqualTo(Action.POLL);
        assertThat(control.onPoll(null, 60_000)).isEqualTo(Action.STOP);
        assertThat(control.phase()).isEqualTo(Phase.STOPPING);
        assertThat(control.onPoll(null, 62_000)).isEqualTo(Action.POLL); // not stopped twice
        assertThat(control.onPoll(143, 63_000)).isEqualTo(Action.FINISH);
        CommandOutcome outcome = control.outcome(143, 63_000, List.of());
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.aborted()).isFalse();
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void anAbortStopsTheCommandAndItsOutcomeIsAborted() {
        TrainControl control = new TrainControl(600_000L);
        assertThat(control.onStop(5_000)).isEqualTo(Action.STOP);
        assertThat(control.onStop(5_500)).isEqualTo(Action.NOTHING); // a second abort while stopping
        assertThat(control.onPoll(-1, 7_000)).isEqualTo(Action.FINISH);
        CommandOutcome outcome = control.outcome(-1, 7_000, List.of("epoch 2"));
        assertThat(outcome.aborted()).isTrue();
        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(-1);
    }

    @Test
    void aStoppedCommandThatDoesNotReportItsEndIsFinishedAfterTheGrace() {
        TrainControl control = new TrainControl(null);
        control.onStop(1_000);
        assertThat(control.onPoll(null, 1_000 + TrainControl.STOP_GRACE_MS - 1)).isEqualTo(Action.POLL);
        assertThat(control.onPoll(null, 1_000 + TrainControl.STOP_GRACE_MS)).isEqualTo(Action.FINISH);
        assertThat(control.outcome(null, 21_000, List.of()).exitCode()).isNull();
        assertThat(control.outcome(null, 21_000, List.of()).aborted()).isTrue();
    }

    @Test
    void anAbortDuringTheTimeoutsStopKeepsTheTimeoutAndStopsNothingMore() {
        TrainControl control = new TrainControl(1_000L);
        assertThat(control.onPoll(null, 1_000)).isEqualTo(Action.STOP);
        assertThat(control.onStop(1_500)).isEqualTo(Action.NOTHING);
        assertThat(control.reason()).isEqualTo(TrainControl.Reason.TIMEOUT);
    }

    @Test
    void aRestartPollsAgainOrSendsAPendingStopAgain() throws Exception {
        TrainControl running = roundTrip(new TrainControl(60_000L));
        assertThat(running.onResume(10_000)).isEqualTo(Action.POLL);
        // the restart's downtime counts towards the timeout: the process ran on
        assertThat(running.onPoll(null, 61_000)).isEqualTo(Action.STOP);

        TrainControl stopping = new TrainControl(null);
        stopping.onStop(1_000);
        TrainControl restored = roundTrip(stopping);
        assertThat(restored.phase()).isEqualTo(Phase.STOPPING);
        assertThat(restored.onResume(100_000)).isEqualTo(Action.STOP);
        // the grace is counted from the stop sent after the restart
        assertThat(restored.onPoll(null, 100_000 + TrainControl.STOP_GRACE_MS - 1)).isEqualTo(Action.POLL);
        assertThat(restored.outcome(null, 0, List.of()).aborted()).isTrue();

        TrainControl finished = new TrainControl(null);
        finished.finished();
        assertThat(roundTrip(finished).onResume(0)).isEqualTo(Action.NOTHING);
        assertThat(finished.onStop(0)).isEqualTo(Action.NOTHING);
    }

    private static TrainControl roundTrip(TrainControl control) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(control);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (TrainControl) in.readObject();
        }
    }
}
