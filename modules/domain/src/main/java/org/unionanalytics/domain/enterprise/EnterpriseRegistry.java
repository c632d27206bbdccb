package org.unionanalytics.domain.enterprise;

/** Tells whether an enterprise was registered, for commands of other aggregates that name one. */
public interface EnterpriseRegistry {

    boolean isEnterprise(String enterpriseId);
}
