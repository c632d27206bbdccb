package org.unionanalytics.api.live;

import graphql.schema.idl.RuntimeWiring;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.time.LocalDate;
import java.util.Map;

/** The {@code Subscription} type: the analytics cubes and the report, live. */
public final class Subscriptions {

    private final LiveStreams streams;
    private final ReportQuery reports;
    private final SubscriptionLimit limit;

    public Subscriptions(LiveStreams streams, ReportQuery reports, SubscriptionLimit limit) {
        this.streams = streams;
        this.reports = reports;
        this.limit = limit;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", type -> type
                // each answer is the Analytics object again; the cubes under it are asked anew
                .dataFetcher("analytics", env -> limit.hold(() -> streams.answers(Map::of)))
                .dataFetcher("report", env -> {
                    LocalDate from = env.getArgument("from");
                    LocalDate to = env.getArgument("to");
                    LocalDate asOf = env.getArgument("asOf");
                    ReportQuery.checkPeriod(from, to);
                    return limit.hold(() -> streams.answers(() -> reports.report(from, to, asOf, null)));
                }));
    }
}
