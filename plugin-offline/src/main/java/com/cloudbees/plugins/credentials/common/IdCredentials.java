package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.IdCredentials}; see plugin-offline/STANDINS.md. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
