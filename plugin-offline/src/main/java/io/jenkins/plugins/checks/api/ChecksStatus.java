package io.jenkins.plugins.checks.api;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksStatus}; see plugin-offline/STANDINS.md. */
public enum ChecksStatus {
    NONE, QUEUED, IN_PROGRESS, COMPLETED
}
