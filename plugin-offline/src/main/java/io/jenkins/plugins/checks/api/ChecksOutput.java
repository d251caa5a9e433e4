package io.jenkins.plugins.checks.api;

/** Stand-in of checks-api {@code io.jenkins.plugins.checks.api.ChecksOutput} (members used only); see plugin-offline/STANDINS.md. */
public class ChecksOutput {
    private ChecksOutput() {
    }

    /** Stand-in of {@code ChecksOutput.ChecksOutputBuilder}. */
    public static class ChecksOutputBuilder {
        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksOutputBuilder withTitle(final String title) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksOutputBuilder withSummary(final String summary) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksOutputBuilder withText(final String text) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
