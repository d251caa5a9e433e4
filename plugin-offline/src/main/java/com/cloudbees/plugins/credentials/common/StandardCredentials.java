package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.StandardCredentials}; see plugin-offline/STANDINS.md. */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
