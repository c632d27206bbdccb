package org.unionanalytics.readmodel.cube;

/** A cube query that cannot be answered as asked; the message says what to change. */
public class InvalidCubeQuery extends IllegalArgumentException {

    public InvalidCubeQuery(String message) {
        super(message);
    }
}
