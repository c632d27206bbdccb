package org.unionanalytics.domain.membership;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which union a member currently belongs to, for rules such as "a member submits through its
 * union", and whether a worker has joined any union before.
 */
public interface MemberRegistry {

    Optional<String> currentUnionOf(String memberId);

    /** Those of the workers who have a membership history, current or ended. */
    Set<String> joinedBefore(Collection<String> memberIds);
}
