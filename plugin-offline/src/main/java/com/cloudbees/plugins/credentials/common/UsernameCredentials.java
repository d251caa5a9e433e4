package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.UsernameCredentials} (@NameWith, @LegacyMixIn left out); see plugin-offline/STANDINS.md. */
public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();
}
