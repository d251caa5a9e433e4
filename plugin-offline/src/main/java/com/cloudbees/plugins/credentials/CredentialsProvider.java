package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Node;
import hudson.model.Run;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.CredentialsProvider}
 * (members used only);
 * see plugin-offline/STANDINS.md.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialByIdInItemGroup(@NonNull String id,
                                                                            @NonNull Class<C> type,
                                                                            @Nullable ItemGroup<?> itemGroup,
                                                                            @Nullable Authentication authentication,
                                                                            @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in");
    }

    // The deprecated varargs overload is declared too, so that overload resolution is the real one.
    @Deprecated
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stand-in");
    }

    // The Node and Item overloads are declared too, so that overload resolution is the real one.
    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Node node, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Item item, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stand-in");
    }
}
