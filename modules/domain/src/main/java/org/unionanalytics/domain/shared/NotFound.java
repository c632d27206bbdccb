package org.unionanalytics.domain.shared;

/** A command refers to an aggregate that was never recorded. */
public class NotFound extends RuntimeException {

    public NotFound(String kind, String id) {
        super("no " + kind + " with id " + id + " has been recorded");
    }
}
