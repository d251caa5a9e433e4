package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksPublisherFactory} (members used only); see plugin-offline/STANDINS.md. */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    public static ChecksPublisher fromRun(final Run<?, ?> run, final TaskListener listener) {
        throw new UnsupportedOperationException("stand-in");
    }
}
