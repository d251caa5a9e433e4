package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.Credentials} (no members used); see plugin-offline/STANDINS.md. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
