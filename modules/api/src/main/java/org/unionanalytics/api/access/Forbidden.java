package org.unionanalytics.api.access;

import java.util.stream.Collectors;

/** A field the caller's roles do not allow. */
public final class Forbidden extends RuntimeException {

    Forbidden(String field, Role needed, Caller caller) {
        super(field + " needs the " + needed.claim() + " role; " + caller.subject() + " has "
                + (caller.roles().isEmpty() ? "none" : caller.roles().stream().map(Role::claim).sorted()
                .collect(Collectors.joining(", "))));
    }
}
