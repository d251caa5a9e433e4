package com.cloudbees.plugins.credentials;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.IdCredentials} (no members used); see plugin-offline/STANDINS.md. */
public interface IdCredentials extends Credentials {
}
