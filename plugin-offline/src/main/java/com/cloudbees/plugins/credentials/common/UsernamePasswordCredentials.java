package com.cloudbees.plugins.credentials.common;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials} (@NameWith, @LegacyMixIn left out); see plugin-offline/STANDINS.md. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
