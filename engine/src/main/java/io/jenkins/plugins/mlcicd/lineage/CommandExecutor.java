package io.jenkins.plugins.mlcicd.lineage;

import java.io.Writer;

/**
 * Runs the training command. The CLI uses {@link ProcessCommandExecutor}; Jenkins plugs in one
 * that launches through its {@code Launcher} on the agent, like {@code sh} does.
 */
public interface CommandExecutor {
    /**
     * Runs {@code command} to completion (or its timeout), streaming its output live to {@code out}
     * and {@code err} and keeping the last lines in {@code tail}.
     *
     * @throws InterruptedException when the caller is interrupted; the command and its children are killed first
     */
    CommandOutcome execute(TrainingCommand command, Writer out, Writer err, LogTail tail) throws InterruptedException;
}
