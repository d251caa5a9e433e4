package io.jenkins.plugins.mlcicd.gate;

/** One rule of a gate policy (API placeholder). */
public record GateRule(String metric) {
}
