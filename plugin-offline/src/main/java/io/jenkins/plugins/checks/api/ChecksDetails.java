package io.jenkins.plugins.checks.api;

import java.time.LocalDateTime;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksDetails} (members used only); see plugin-offline/STANDINS.md. */
public class ChecksDetails {
    private ChecksDetails() {
    }

    /** Stand-in of {@code ChecksDetails.ChecksDetailsBuilder}. */
    public static class ChecksDetailsBuilder {
        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withName(final String name) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withStatus(final ChecksStatus status) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withDetailsURL(final String detailsURL) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withStartedAt(final LocalDateTime startedAt) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withConclusion(final ChecksConclusion conclusion) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withCompletedAt(final LocalDateTime completedAt) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetailsBuilder withOutput(final ChecksOutput output) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
