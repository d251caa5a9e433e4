package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

/** Stand-in of jenkins-core {@code hudson.model.queue.Tasks} (only getAuthenticationOf2); see plugin-offline/STANDINS.md. */
public class Tasks {
    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        throw new UnsupportedOperationException("stand-in");
    }
}
