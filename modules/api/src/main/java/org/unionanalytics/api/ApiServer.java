package org.unionanalytics.api;

import graphql.GraphQL;
import graphql.execution.SubscriptionExecutionStrategy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandler;
import io.vertx.ext.web.handler.graphql.GraphiQLHandlerOptions;
import io.vertx.ext.web.handler.graphql.ws.GraphQLWSHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.api.access.Caller;
import org.unionanalytics.api.access.Tokens;
import org.unionanalytics.api.http.GraphQLHttpHandler;
import org.unionanalytics.api.metrics.MetricsHandler;
import org.unionanalytics.api.metrics.ReadinessHandler;
import org.unionanalytics.api.metrics.ServerMetrics;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP server: GraphQL at /graphql (POST and GET, and a WebSocket speaking graphql-transport-ws
 * for subscriptions), GraphiQL at /graphiql, a health check at /health, readiness at /ready, Prometheus
 * metrics at /metrics.
 */
public final class ApiServer {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    /** Request bodies above this are refused with 413 before they are read whole. */
    public static final long MAX_BODY_BYTES = 1_048_576;
    private static final String GRAPHQL_TRANSPORT_WS = "graphql-transport-ws";

    private ApiServer() {
    }

    /**
     * @param corsOrigins the web origins whose pages may call the server over HTTP ({@code *}: any); empty for none
     * @param readyLag    the most events the read model may trail the event log by while {@code /ready} says ready
     */
    public static Future<HttpServer> start(Vertx vertx, GraphQL graphQL, GraphQLHttpHandler handler, Tokens tokens,
                                           ServerMetrics metrics, List<String> corsOrigins, long readyLag, String host,
                                           int port) {
        Router router = Router.router(vertx);
        // the WebSocket upgrade first, on a route of its own: a BodyHandler before it would consume the upgrade
        // a WebSocket's token travels in its connection_init payload, as {"Authorization": "Bearer <token>"}
        router.route("/graphql").handler(GraphQLWSHandler.builder(graphQL)
                .onConnectionInit(init -> tokens.caller(authorization(init.message().message()))
                        .onSuccess(init::complete).onFailure(init::fail))
                .beforeExecute(execution -> execution.builder().graphQLContext(Map.of(
                        SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true,
                        Caller.CONTEXT_KEY, execution.context().connectionParams())))
                .build());
        if (!corsOrigins.isEmpty()) {
            CorsHandler cors = cors(corsOrigins);
            router.route().handler(context -> {
                if (fromItsOwnOrigin(context)) {
                    context.next();
                } else {
                    cors.handle(context);
                }
            });
        }
        router.route("/graphql").method(HttpMethod.POST).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        router.route("/graphql").method(HttpMethod.GET).method(HttpMethod.POST).handler(handler);
        router.route("/graphiql*").subRouter(GraphiQLHandler.create(vertx,
                new GraphiQLHandlerOptions().setEnabled(true).setGraphQLUri("/graphql").setGraphQLWSEnabled(true)
                        .setGraphWSQLUri("/graphql")).router());
        router.get("/health").handler(context -> context.json(Map.of("status", "UP")));
        router.get("/ready").handler(new ReadinessHandler(readyLag, metrics::lag));
        router.get("/metrics").handler(new MetricsHandler(metrics, tokens));
        router.route().failureHandler(context -> {
            int status = context.statusCode() > 0 ? context.statusCode() : 500;
            String message = status == 413 ? "the request body is larger than " + MAX_BODY_BYTES + " bytes"
                    : status == 404 ? "nothing is served at " + context.request().path() + "; GraphQL is at /graphql"
                    : "the request failed";
            if (status >= 500) {
                log.error("Request {} {} failed", context.request().method(), context.request().path(), context.failure());
            }
            context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(new JsonObject(Map.of("errors", List.of(Map.of("message", message,
                            "extensions", Map.of("code", status == 413 ? "REQUEST_TOO_LARGE" : "BAD_REQUEST"))))).encode());
        });
        return vertx.createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of(GRAPHQL_TRANSPORT_WS)))
                .requestHandler(router).listen(port, host);
    }

    /**
     * A dashboard's page on another origin may send requests with a token: tokens travel in a header the
     * page sets, never in a cookie the browser adds, so allowing an origin lends it no one's credentials.
     */
    private static CorsHandler cors(List<String> origins) {
        return CorsHandler.create().addOrigins(origins)
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                .allowedHeaders(Set.of("Authorization", "Content-Type", "Accept", GraphQLHttpHandler.AWAIT_POSITION_HEADER))
                .maxAgeSeconds(600);
    }

    /**
     * A page the server serves itself (GraphiQL) names the server's own origin on its POSTs: not a
     * cross-origin request, so not one a list of dashboards' origins should refuse.
     */
    private static boolean fromItsOwnOrigin(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        HostAndPort authority = context.request().authority();
        if (origin == null || authority == null) {
            return false;
        }
        try {
            URI page = URI.create(origin);
            int port = page.getPort() != -1 ? page.getPort() : "https".equals(page.getScheme()) ? 443 : 80;
            int served = authority.port() != -1 ? authority.port() : context.request().isSSL() ? 443 : 80;
            return authority.host().equalsIgnoreCase(page.getHost()) && port == served;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String authorization(JsonObject connectionInit) {
        JsonObject payload = connectionInit.getJsonObject("payload");
        return payload == null ? null : payload.getString("Authorization");
    }
}
