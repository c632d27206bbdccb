package org.unionanalytics.api.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;

/**
 * {@code GET /metrics}, for Prometheus: a monitor's or an admin's (a scraper sends its token as
 * {@code authorization: credentials}), open to anyone in demo mode. Read off the event loop: on PostgreSQL or EventStoreDB
 * the event log's position is a round trip.
 */
public final class MetricsHandler implements Handler<RoutingContext> {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final Tokens tokens;

    public MetricsHandler(ServerMetrics metrics, Tokens tokens) {
        this.metrics = metrics;
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext context) {
        tokens.caller(context.request().getHeader("Authorization")).onComplete(checked -> {
            if (checked.failed()) {
                context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                        .end(checked.cause().getMessage() + "\n");
            } else if (!checked.result().may(Role.MONITOR)) {
                context.response().setStatusCode(403).end("the metrics need the monitor role; "
                        + checked.result().subject() + " does not have it\n");
            } else {
                context.vertx().executeBlocking(metrics::scrape).onComplete(scraped -> {
                    if (scraped.succeeded()) {
                        context.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(scraped.result());
                    } else {
                        context.fail(scraped.cause());
                    }
                });
            }
        });
    }
}
