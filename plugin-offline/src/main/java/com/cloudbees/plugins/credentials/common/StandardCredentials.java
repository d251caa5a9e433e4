package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.IdCredentials;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.common.StandardCredentials} (no members used); see plugin-offline/STANDINS.md. */
public interface StandardCredentials extends IdCredentials {
}
