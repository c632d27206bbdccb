package org.unionanalytics.api.history;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes caught-up event feeds when the log has grown. The read side says so after each batch it
 * commits ({@link #arrived}): it follows the whole log, whichever node wrote to it, so a feed hears
 * of new events within a batch of their storing instead of at its next look.
 */
public final class NewEvents {

    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();

    /** Wakes every feed waiting, each once; on the read side's thread, so waking is only handing over. */
    public void arrived() {
        for (Runnable wake : waiting) {
            if (waiting.remove(wake)) {
                wake.run();
            }
        }
    }

    /** Runs {@code wake} at the next arrival (once, however often it is asked before). */
    void once(Runnable wake) {
        waiting.add(wake);
    }

    void forget(Runnable wake) {
        waiting.remove(wake);
    }
}
