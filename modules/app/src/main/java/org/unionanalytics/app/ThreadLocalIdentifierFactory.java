package org.unionanalytics.app;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids as random (version 4) UUIDs drawn from a generator per thread. Axon's default draws
 * every id from the one shared SecureRandom, and a roster of a thousand members makes a thousand
 * events: the command threads queued for it (a fifth of their samples in an import profile).
 * Ids must be unique, not unpredictable. Found by Axon through {@code META-INF/services}.
 */
public final class ThreadLocalIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
