package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

/**
 * Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel}
 * (members used only); see plugin-offline/STANDINS.md.
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(@NonNull Authentication authentication, @NonNull ItemGroup context,
                                                             @NonNull Class<? extends C> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        throw new UnsupportedOperationException("stand-in");
    }
}
