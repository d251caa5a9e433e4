package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.StandardUsernameCredentials} (@NameWith, @Recommended left out); see plugin-offline/STANDINS.md. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
