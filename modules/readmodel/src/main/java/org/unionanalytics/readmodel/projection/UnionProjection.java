package org.unionanalytics.readmodel.projection;

import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.membership.MemberLeft;
import org.unionanalytics.domain.membership.MemberTransferred;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.EntityUpdates;
import org.unionanalytics.readmodel.batch.Spells;
import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Unions of the federation tree and the membership spells of their members. */
public final class UnionProjection implements Projection {

    private final AppendedRows established = new AppendedRows("unions");
    private final EntityUpdates changed = new EntityUpdates("unions", "union_id", List.of("dissolved_on", "dissolved_pos"));
    private final Spells memberships;

    /** @param members told the changes of members per union and day */
    public UnionProjection(Spells.DayChanges members) {
        memberships = new Spells("memberships", "member_id", "membership_changes", members);
    }

    @Override
    public void apply(Object event, Recorded recorded) {
        long position = recorded.position();
        if (event instanceof UnionEstablished e) {
            established.add(e.unionId(), e.name(), e.kind(), e.subkind(), e.district(), e.township(),
                    e.parentUnionId(), e.foundedOn(), null, position, recorded.at(), null);
        } else if (event instanceof UnionDissolved e) {
            changed.set(e.unionId(), "dissolved_on", e.dissolvedOn());
            changed.set(e.unionId(), "dissolved_pos", position);
        } else if (event instanceof MemberJoined e) {
            memberships.open(e.memberId(), e.unionId(), e.joinedOn(), recorded);
        } else if (event instanceof MemberTransferred e) {
            memberships.move(e.memberId(), e.fromUnionId(), e.toUnionId(), e.transferredOn(), recorded);
        } else if (event instanceof MemberLeft e) {
            memberships.close(e.memberId(), e.leftOn(), position, e.unionId());
        }
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(established, changed, memberships);
    }

    @Override
    public void prepare(Statement statement) throws SQLException {
        changed.prepare(statement);
        memberships.prepare(statement);
    }
}
