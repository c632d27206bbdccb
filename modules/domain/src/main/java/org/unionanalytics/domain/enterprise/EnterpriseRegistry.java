package org.unionanalytics.domain.enterprise;

import java.util.Optional;

/** Tells what is known of an enterprise, for commands of other aggregates that name one. */
public interface EnterpriseRegistry {

    /** Whether it was ever registered: a look-up, without reading its history. */
    boolean isEnterprise(String enterpriseId);

    /** Its registration and deregistration, from its history. */
    Optional<EnterpriseFacts> findEnterprise(String enterpriseId);
}
