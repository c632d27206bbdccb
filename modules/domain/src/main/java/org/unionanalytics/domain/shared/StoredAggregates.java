package org.unionanalytics.domain.shared;

import java.util.Collection;
import java.util.Set;

/**
 * Which of many aggregates have events stored, in one question: a roster asks it for a thousand
 * workers at once, which on a store behind a network is one round trip instead of a thousand.
 */
@FunctionalInterface
public interface StoredAggregates {

    /** Those of {@code aggregateIds} that have at least one stored event. */
    Set<String> amongStored(Collection<String> aggregateIds);
}
