package org.unionanalytics.readmodel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Answers computed on other threads, taken where they are needed. */
public final class Futures {

    private Futures() {
    }

    /** The answer, or its computation's own failure (a timeout, a bad argument) as if met here. */
    public static <T> T answer(CompletableFuture<T> computation) {
        try {
            return computation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
