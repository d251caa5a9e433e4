package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * Stand-in of jenkins-core {@code hudson.model.TaskListener} (real: extends SerializableOnlyOverRemoting,
 * a Serializable); see plugin-offline/STANDINS.md.
 */
public interface TaskListener extends Serializable {
    @NonNull
    PrintStream getLogger();
}
