package hudson.tasks;

import hudson.model.AbstractBuild;
import hudson.model.Run;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * Stand-in of jenkins-core {@code hudson.tasks.Fingerprinter} (real: extends Recorder, implements
 * SimpleBuildStep and more; here only the enclosing type of FingerprintAction); see plugin-offline/STANDINS.md.
 */
public class Fingerprinter {
    // The real @DataBoundConstructor; declared so that no implicit no-argument constructor exists here.
    public Fingerprinter(String targets) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static final class FingerprintAction implements RunAction2 {
        @SuppressWarnings("rawtypes")
        public FingerprintAction(Run build, Map<String, String> record) {
            throw new UnsupportedOperationException("stand-in");
        }

        @SuppressWarnings("rawtypes")
        public FingerprintAction(AbstractBuild build, Map<String, String> record) {
            throw new UnsupportedOperationException("stand-in");
        }

        public void add(Map<String, String> moreRecords) {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public String getIconFileName() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public String getUrlName() {
            throw new UnsupportedOperationException("stand-in");
        }

        public Map<String, String> getRecords() {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public void onAttached(Run<?, ?> r) {
            throw new UnsupportedOperationException("stand-in");
        }

        @Override
        public void onLoad(Run<?, ?> r) {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
