package org.unionanalytics.domain.membership;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which union a member belonged to on a day, for rules such as "a member submits through its
 * union", and whether a worker has joined any union before.
 */
public interface MemberRegistry {

    /** The union the member belonged to on {@code day}: joined on or before it, and not left by then. */
    Optional<String> unionOn(String memberId, LocalDate day);

    /** Those of the workers who have a membership history, current or ended. */
    Set<String> joinedBefore(Collection<String> memberIds);
}
