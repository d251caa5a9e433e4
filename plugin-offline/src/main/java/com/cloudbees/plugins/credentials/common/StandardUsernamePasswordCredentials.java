package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials} (@NameWith, @Recommended left out); see plugin-offline/STANDINS.md. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
