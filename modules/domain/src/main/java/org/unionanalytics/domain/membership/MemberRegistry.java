package org.unionanalytics.domain.membership;

import java.util.Optional;

/**
 * Tells which union a member currently belongs to, for rules such as "a member submits through its
 * union", and whether a worker has joined any union before.
 */
public interface MemberRegistry {

    Optional<String> currentUnionOf(String memberId);

    /** Whether the worker has a membership history, current or ended. */
    boolean hasJoinedBefore(String memberId);
}
