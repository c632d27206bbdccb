package org.unionanalytics.api.query;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.unionanalytics.readmodel.ReadSide;
import org.unionanalytics.readmodel.RebuildStatus;
import org.unionanalytics.readmodel.query.EntityQueries;
import org.unionanalytics.readmodel.query.EntityView;
import org.unionanalytics.readmodel.query.MemberQueries;
import org.unionanalytics.readmodel.query.Page;
import org.unionanalytics.readmodel.query.ReportQuery;
import org.unionanalytics.readmodel.query.Views;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Lookups, Relay-style connections and the report, read from the analytics read model. */
public final class Queries {

    /** Largest page a connection returns; larger requests are refused, not silently cut. */
    public static final int MAX_PAGE = 500;

    private final EntityQueries entities;
    private final MemberQueries members;
    private final ReportQuery reports;
    private final ReadSide readSide;
    private final LongSupplier eventLogHead;
    private final KnownAt knownAt;

    public Queries(EntityQueries entities, MemberQueries members, ReportQuery reports, ReadSide readSide,
                   LongSupplier eventLogHead, KnownAt knownAt) {
        this.entities = entities;
        this.members = members;
        this.reports = reports;
        this.readSide = readSide;
        this.eventLogHead = eventLogHead;
        this.knownAt = knownAt;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("readModel", env -> readModelStatus())
                .dataFetcher("union", lookup(Views.UNIONS))
                .dataFetcher("unions", connection(Views.UNIONS))
                .dataFetcher("enterprise", lookup(Views.ENTERPRISES))
                .dataFetcher("enterprises", connection(Views.ENTERPRISES))
                .dataFetcher("keyProject", lookup(Views.KEY_PROJECTS))
                .dataFetcher("keyProjects", connection(Views.KEY_PROJECTS))
                .dataFetcher("competition", lookup(Views.COMPETITIONS))
                .dataFetcher("competitions", connection(Views.COMPETITIONS))
                .dataFetcher("proposal", lookup(Views.PROPOSALS))
                .dataFetcher("proposals", connection(Views.PROPOSALS))
                .dataFetcher("member", env -> member(env.getArgument("id")))
                .dataFetcher("report", env -> reports.report(env.<LocalDate>getArgument("from"), env.getArgument("to"),
                        env.getArgument("asOf"), knownAt.of(env))));
        wiring.type("Mutation", type -> type.dataFetcher("rebuildReadModel", env -> status(readSide.rebuild())));
        wiring.type("ReadModelStatus", type -> type.dataFetcher("rebuild", env -> status(readSide.rebuildStatus())));
        wiring.type("Union", type -> type.dataFetcher("parent", reference(Views.UNIONS, "parentUnionId")));
        wiring.type("Enterprise", type -> type.dataFetcher("coveringUnion", reference(Views.UNIONS, "coveringUnionId")));
        wiring.type("Competition", type -> type
                .dataFetcher("organiser", reference(Views.UNIONS, "organiserUnionId"))
                .dataFetcher("keyProject", reference(Views.KEY_PROJECTS, "keyProjectId")));
        wiring.type("Proposal", type -> type
                .dataFetcher("union", reference(Views.UNIONS, "unionId"))
                .dataFetcher("enterprise", reference(Views.ENTERPRISES, "enterpriseId")));
        wiring.type("Member", type -> type.dataFetcher("currentUnion", reference(Views.UNIONS, "currentUnionId")));
        wiring.type("MembershipSpell", type -> type.dataFetcher("union", reference(Views.UNIONS, "unionId")));
    }

    private static Map<String, Object> status(RebuildStatus status) {
        if (status == null) {
            return null;
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("state", status.state().name());
        fields.put("startedAt", status.startedAt().atOffset(ZoneOffset.UTC));
        fields.put("finishedAt", status.finishedAt() == null ? null : status.finishedAt().atOffset(ZoneOffset.UTC));
        fields.put("position", status.position());
        fields.put("target", status.target());
        fields.put("eventsPerSecond", status.eventsPerSecond());
        fields.put("failure", status.failure());
        return fields;
    }

    private Map<String, Object> readModelStatus() {
        long position = readSide.position();
        long head = eventLogHead.getAsLong();
        return Map.of("position", position, "eventLogPosition", head, "upToDate", position >= head);
    }

    private Map<String, Object> member(String memberId) {
        List<Map<String, Object>> spells = members.spells(memberId);
        if (spells.isEmpty()) {
            return null;
        }
        Map<String, Object> last = spells.get(spells.size() - 1);
        Object current = last.get("endedOn") == null ? last.get("unionId") : null;
        return current == null ? Map.of("id", memberId, "memberships", spells)
                : Map.of("id", memberId, "memberships", spells, "currentUnionId", current);
    }

    private DataFetcher<Object> lookup(EntityView view) {
        return env -> entities.byId(view, env.getArgument("id")).orElse(null);
    }

    /** Follows an id held by the parent row to the entity it names. */
    private DataFetcher<Object> reference(EntityView view, String idField) {
        return env -> {
            Map<String, Object> source = env.getSource();
            Object id = source.get(idField);
            return id == null ? null : entities.byId(view, id.toString()).orElse(null);
        };
    }

    private DataFetcher<Object> connection(EntityView view) {
        return env -> {
            int first = env.getArgument("first");
            if (first < 0 || first > MAX_PAGE) {
                throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE + ", not " + first);
            }
            Map<String, Object> filter = Optional.ofNullable(env.<Map<String, Object>>getArgument("filter")).orElse(Map.of());
            Page page = entities.list(view, filter, first, decodeCursor(env.getArgument("after")));
            List<Map<String, Object>> edges = page.rows().stream()
                    .map(row -> Map.of("cursor", encodeCursor(row.get("id").toString()), "node", row)).toList();
            Map<String, Object> pageInfo = new HashMap<>();
            pageInfo.put("hasNextPage", page.hasNextPage());
            pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
            return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
        };
    }

    private static String encodeCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("after: '" + cursor + "' is not a cursor this server gave out");
        }
    }
}
