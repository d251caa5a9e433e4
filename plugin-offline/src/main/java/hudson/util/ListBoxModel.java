package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

/** Stand-in of jenkins-core {@code hudson.util.ListBoxModel} (real: also implements HttpResponse; members used only); see plugin-offline/STANDINS.md. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    // Declared so that overload resolution of add(...) is the real one (e.g. add(null, value) is ambiguous there).
    public void add(hudson.model.ModelObject usedForDisplayName, @NonNull String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static final class Option {
        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
