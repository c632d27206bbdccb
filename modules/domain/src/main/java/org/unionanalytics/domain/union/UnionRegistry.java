package org.unionanalytics.domain.union;

import org.unionanalytics.domain.shared.NotFound;

import java.util.Optional;

/** Looks up unions for rules that other aggregates check (a member joins an active union, ...). */
public interface UnionRegistry {

    Optional<UnionFacts> findUnion(String unionId);

    default UnionFacts requireUnion(String unionId) {
        return findUnion(unionId).orElseThrow(() -> new NotFound("union", unionId));
    }
}
