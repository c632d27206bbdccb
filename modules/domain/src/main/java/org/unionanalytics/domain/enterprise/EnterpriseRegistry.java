package org.unionanalytics.domain.enterprise;

import org.unionanalytics.domain.shared.NotFound;

import java.time.LocalDate;
import java.util.Optional;

/** Looks up enterprises for rules that other aggregates check (a proposal names a registered enterprise, ...). */
public interface EnterpriseRegistry {

    /** Its registration and deregistration, from its history. */
    Optional<EnterpriseFacts> findEnterprise(String enterpriseId);

    /**
     * An enterprise takes part in the federation's work (a proposal, a promotion, a contest) only
     * while registered: from its registration until its deregistration. A typo in its id would
     * otherwise count as an enterprise of no industry, ownership or place.
     */
    default void requireRegisteredOn(String enterpriseId, LocalDate day, String what) {
        findEnterprise(enterpriseId).orElseThrow(() -> new NotFound("enterprise", enterpriseId))
                .requireRegisteredOn(day, what);
    }
}
