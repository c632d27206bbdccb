package org.unionanalytics.api.access;

/** A request without a valid token, refused before it is executed. */
public final class Unauthenticated extends RuntimeException {

    public Unauthenticated(String message) {
        super(message);
    }
}
