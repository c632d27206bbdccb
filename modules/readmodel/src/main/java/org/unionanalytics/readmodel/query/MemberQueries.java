package org.unionanalytics.readmodel.query;

import org.unionanalytics.readmodel.ReadModel;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A member's spells of membership, oldest first; names of people are never stored, only ids. */
public final class MemberQueries {

    private final Supplier<ReadModel> model;

    public MemberQueries(Supplier<ReadModel> model) {
        this.model = model;
    }

    public List<Map<String, Object>> spells(String memberId) {
        return model.get().read(connection -> EntityQueries.query(connection, """
                SELECT union_id AS "unionId", started_on AS "joinedOn", ended_on AS "endedOn",
                       started_pos AS "recordedPosition", recorded_at AS "recordedAt",
                       ended_pos AS "endRecordedPosition"
                FROM memberships WHERE member_id = ? ORDER BY started_pos""", List.of(memberId)));
    }
}
