package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FingerprintMap;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.core.Authentication;
import standin.Constants;

/** Stand-in of jenkins-core {@code jenkins.model.Jenkins} (real: extends AbstractCIBase and implements ItemGroup through DirectlyModifiableTopLevelItemGroup; only what the plugin uses); see plugin-offline/STANDINS.md. */
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
    public static final Permission ADMINISTER = Constants.instance(Permission.class, "Administer");

    // The real constructors are protected Jenkins(File, ServletContext[, PluginManager]) throws IOException,
    // InterruptedException, ReactorException; private here so that no code can rely on an invented one.
    private Jenkins() {
        throw new UnsupportedOperationException("stand-in");
    }

    public FingerprintMap getFingerprintMap() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static Jenkins get() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException("stand-in");
    }
}
