package org.unionanalytics.api.metrics;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.function.LongSupplier;

/**
 * {@code GET /ready}, for a load balancer or an orchestrator's readiness probe: 200 while the read model
 * trails the event log by at most the events allowed, 503 while it catches up (a node started on a
 * long log, a burst of writes), so that queries go to nodes whose answers are current. {@code /health}
 * says only that the process serves. Open to anyone, as probes send no token; it tells positions only.
 */
public final class ReadinessHandler implements Handler<RoutingContext> {

    private final long allowed;
    private final LongSupplier lag;

    /**
     * @param allowed the most events the read model may trail by and be ready
     * @param lag     events stored that the read model does not reflect yet; may be a round trip to the event store
     */
    public ReadinessHandler(long allowed, LongSupplier lag) {
        this.allowed = allowed;
        this.lag = lag;
    }

    @Override
    public void handle(RoutingContext context) {
        context.vertx().executeBlocking(lag::getAsLong).onComplete(measured -> {
            if (measured.failed()) {
                context.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "UNKNOWN")
                                .put("reason", "the event log could not be read: " + measured.cause().getMessage()).encode());
                return;
            }
            long behind = measured.result();
            boolean ready = behind <= allowed;
            context.response().setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", ready ? "READY" : "CATCHING_UP").put("lag", behind).encode());
        });
    }
}
