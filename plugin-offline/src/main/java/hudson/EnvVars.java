package hudson;

import java.util.TreeMap;

/** Stand-in of jenkins-core {@code hudson.EnvVars}; see plugin-offline/STANDINS.md. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("stand-in");
    }
}
