package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/** Stand-in of spring-security-core's {@code org.springframework.security.core.Authentication} (opaque: passed on only); see plugin-offline/STANDINS.md. */
public interface Authentication extends Principal, Serializable {
}
