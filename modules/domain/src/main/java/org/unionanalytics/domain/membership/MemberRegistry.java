package org.unionanalytics.domain.membership;

import java.util.Optional;

/** Tells which union a member currently belongs to, for rules such as "a member submits through its union". */
public interface MemberRegistry {

    Optional<String> currentUnionOf(String memberId);
}
