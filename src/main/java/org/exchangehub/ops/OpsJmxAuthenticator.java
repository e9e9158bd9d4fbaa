package org.exchangehub.ops;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a remote JMX client's user name and password against the operations users; the subject carries the roles. */
final class OpsJmxAuthenticator implements JMXAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(OpsJmxAuthenticator.class);

    private final OpsUsers users;

    OpsJmxAuthenticator(OpsUsers users) {
        this.users = users;
    }

    @Override
    public Subject authenticate(Object credentials) {
        if (!(credentials instanceof String[] pair) || pair.length != 2) {
            LOG.warn("Remote JMX connection refused: no user name and password given");
            throw new SecurityException("Authentication failed: give a user name and password");
        }
        List<String> roles = users.authenticate(pair[0], pair[1]).orElse(null);
        if (roles == null) {
            LOG.warn("Remote JMX connection refused for user '{}': wrong user name or password", pair[0]);
            throw new SecurityException("Authentication failed");
        }
        Set<java.security.Principal> principals = new HashSet<>();
        principals.add(new JMXPrincipal(pair[0]));
        roles.forEach(role -> principals.add(new RolePrincipal(role)));
        LOG.info("Remote JMX connection for user '{}' ({})", pair[0], String.join(", ", roles));
        return new Subject(true, principals, Set.of(), Set.of());
    }

    /** An operations role held by a remote JMX subject. */
    record RolePrincipal(String getName) implements java.security.Principal {
    }
}
