package org.unionanalytics.api.access;

import java.util.EnumSet;
import java.util.Set;

/** Who sent a request, as its token says: a subject (recorded with the events it causes) and roles. */
public record Caller(String subject, Set<Role> roles) {

    /** Where a request's caller travels in graphql-java's context. */
    public static final String CONTEXT_KEY = Caller.class.getName();

    /** A request without a token on a server in demo mode: it may do everything. */
    public static final Caller ANONYMOUS_DEMO = new Caller("anonymous", EnumSet.allOf(Role.class));

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean may(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }
}
