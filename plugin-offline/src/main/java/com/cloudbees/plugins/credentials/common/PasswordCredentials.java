package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.PasswordCredentials}; see plugin-offline/STANDINS.md. */
public interface PasswordCredentials extends Credentials {
    @NonNull
    Secret getPassword();
}
