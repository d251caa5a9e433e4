package io.jenkins.plugins.checks.api;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksConclusion}; see plugin-offline/STANDINS.md. */
public enum ChecksConclusion {
    NONE, ACTION_REQUIRED, SKIPPED, CANCELED, TIME_OUT, FAILURE, NEUTRAL, SUCCESS
}
