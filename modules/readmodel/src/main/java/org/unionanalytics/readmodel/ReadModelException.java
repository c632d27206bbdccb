package org.unionanalytics.readmodel;

/** A read-model query or write failed; the message says which. */
public class ReadModelException extends RuntimeException {

    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
