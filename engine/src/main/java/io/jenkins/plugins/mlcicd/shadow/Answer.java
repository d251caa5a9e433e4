package io.jenkins.plugins.mlcicd.shadow;

/**
 * One model's answer to one request.
 *
 * @param error         why there is no score, or null when there is one
 * @param score         the score, NaN on error
 * @param decision      the decision read at the decision pointer, or null (then the threshold decides)
 * @param latencyMicros latency in microseconds, negative when unknown (a prediction log without latency)
 */
public record Answer(ErrorKind error, double score, String decision, long latencyMicros) {
    public static Answer failed(ErrorKind error, long latencyMicros) {
        return new Answer(error, Double.NaN, null, latencyMicros);
    }

    public static Answer scored(double score, String decision, long latencyMicros) {
        return new Answer(null, score, decision, latencyMicros);
    }

    public boolean ok() {
        return error == null;
    }
}
