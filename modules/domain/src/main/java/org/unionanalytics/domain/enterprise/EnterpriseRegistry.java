package org.unionanalytics.domain.enterprise;

import org.unionanalytics.domain.shared.NotFound;

import java.time.LocalDate;
import java.util.Optional;

/** Looks up enterprises for rules that other aggregates check (a proposal names a registered enterprise, ...). */
public interface EnterpriseRegistry {

    /**
     * Whether it was ever registered: a look-up without reading its history, for the 327,000
     * proposals of the reference history (folding each one's enterprise cost an import 12%).
     */
    boolean isEnterprise(String enterpriseId);

    /** Its registration and deregistration, from its history. */
    Optional<EnterpriseFacts> findEnterprise(String enterpriseId);

    /**
     * An enterprise takes part in a promotion or a contest only while registered: from its
     * registration until its deregistration. A typo in its id would otherwise count as an
     * enterprise of no industry, ownership or place.
     */
    default void requireRegisteredOn(String enterpriseId, LocalDate day, String what) {
        findEnterprise(enterpriseId).orElseThrow(() -> new NotFound("enterprise", enterpriseId))
                .requireRegisteredOn(day, what);
    }
}
