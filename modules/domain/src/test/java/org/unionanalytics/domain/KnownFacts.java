package org.unionanalytics.domain;

import org.unionanalytics.domain.enterprise.EnterpriseFacts;
import org.unionanalytics.domain.enterprise.EnterpriseRegistry;
import org.unionanalytics.domain.keyproject.KeyProjectRegistry;
import org.unionanalytics.domain.membership.MemberRegistry;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the other aggregates would tell a rule check, set up by each test. */
public class KnownFacts implements UnionRegistry, MemberRegistry, KeyProjectRegistry, EnterpriseRegistry {

    public static final LocalDate FOUNDED = LocalDate.of(2010, 1, 1);

    private final Map<String, UnionFacts> unions = new HashMap<>();
    private final Map<String, Spell> members = new HashMap<>();
    private final Set<String> keyProjects = new HashSet<>();
    private final Map<String, EnterpriseFacts> enterprises = new HashMap<>();

    public KnownFacts union(String id, UnionKind kind, District district) {
        unions.put(id, new UnionFacts(id, kind, district, FOUNDED, null));
        return this;
    }

    public KnownFacts dissolvedUnion(String id, UnionKind kind, LocalDate dissolvedOn) {
        unions.put(id, new UnionFacts(id, kind, District.HAISHU, FOUNDED, dissolvedOn));
        return this;
    }

    /** A member of {@code unionId} since {@link #FOUNDED}, still. */
    public KnownFacts member(String memberId, String unionId) {
        return member(memberId, unionId, FOUNDED, null);
    }

    /** A member of {@code unionId} from {@code joinedOn} until {@code leftOn} (null: still). */
    public KnownFacts member(String memberId, String unionId, LocalDate joinedOn, LocalDate leftOn) {
        members.put(memberId, new Spell(unionId, joinedOn, leftOn));
        return this;
    }

    public KnownFacts keyProject(String id) {
        keyProjects.add(id);
        return this;
    }

    /** Enterprises registered since {@link #FOUNDED}, still. */
    public KnownFacts enterprises(String... ids) {
        for (String id : ids) {
            enterprise(id, FOUNDED, null);
        }
        return this;
    }

    /** An enterprise registered from {@code registeredOn} until {@code deregisteredOn} (null: still). */
    public KnownFacts enterprise(String id, LocalDate registeredOn, LocalDate deregisteredOn) {
        enterprises.put(id, new EnterpriseFacts(id, registeredOn, deregisteredOn));
        return this;
    }

    @Override
    public Optional<UnionFacts> findUnion(String unionId) {
        return Optional.ofNullable(unions.get(unionId));
    }

    @Override
    public Optional<String> unionOn(String memberId, LocalDate day) {
        return Optional.ofNullable(members.get(memberId)).filter(spell -> spell.covers(day)).map(Spell::unionId);
    }

    @Override
    public Set<String> joinedBefore(Collection<String> memberIds) {
        return memberIds.stream().filter(members::containsKey).collect(Collectors.toSet());
    }

    @Override
    public boolean isKeyProject(String keyProjectId) {
        return keyProjects.contains(keyProjectId);
    }

    @Override
    public boolean isEnterprise(String enterpriseId) {
        return enterprises.containsKey(enterpriseId);
    }

    @Override
    public Optional<EnterpriseFacts> findEnterprise(String enterpriseId) {
        return Optional.ofNullable(enterprises.get(enterpriseId));
    }

    private record Spell(String unionId, LocalDate joinedOn, LocalDate leftOn) {

        boolean covers(LocalDate day) {
            return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
        }
    }
}
