package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Stand-in of plain-credentials' {@code org.jenkinsci.plugins.plaincredentials.StringCredentials} (@NameWith left out); see plugin-offline/STANDINS.md. */
public interface StringCredentials extends StandardCredentials {
    @NonNull
    Secret getSecret();
}
