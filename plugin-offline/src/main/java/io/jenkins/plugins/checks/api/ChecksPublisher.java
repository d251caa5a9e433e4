package io.jenkins.plugins.checks.api;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksPublisher} (members used only); see plugin-offline/STANDINS.md. */
public abstract class ChecksPublisher {
    public abstract void publish(ChecksDetails details);
}
