package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Stand-in of the credentials plugin's {@code com.cloudbees.plugins.credentials.domains.DomainRequirement} (opaque); see plugin-offline/STANDINS.md. */
public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;
}
