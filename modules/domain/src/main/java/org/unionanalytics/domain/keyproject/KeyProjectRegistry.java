package org.unionanalytics.domain.keyproject;

/** Tells whether a key project is on the city's list, for competitions that name one. */
public interface KeyProjectRegistry {

    boolean isKeyProject(String keyProjectId);
}
