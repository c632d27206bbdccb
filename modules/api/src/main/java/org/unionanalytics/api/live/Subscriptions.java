package org.unionanalytics.api.live;

import graphql.schema.idl.RuntimeWiring;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.time.LocalDate;
import java.util.Map;

/** The {@code Subscription} type: the analytics cubes and the report, live. */
public final class Subscriptions {

    private final LiveStreams streams;
    private final ReportQuery reports;

    public Subscriptions(LiveStreams streams, ReportQuery reports) {
        this.streams = streams;
        this.reports = reports;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", type -> type
                // each answer is the Analytics object again; the cubes under it are asked anew
                .dataFetcher("analytics", env -> streams.answers(Map::of))
                .dataFetcher("report", env -> {
                    LocalDate from = env.getArgument("from");
                    LocalDate to = env.getArgument("to");
                    LocalDate asOf = env.getArgument("asOf");
                    ReportQuery.checkPeriod(from, to);
                    return streams.answers(() -> reports.report(from, to, asOf, null));
                }));
    }
}
