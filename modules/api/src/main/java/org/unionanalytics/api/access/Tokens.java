package org.unionanalytics.api.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: JSON Web Tokens signed with HS256 under the server's secret, whose {@code sub}
 * names the caller and whose {@code roles} claim lists its roles. Checks the tokens requests carry
 * and issues them. In demo mode a request without a token may do everything.
 */
public final class Tokens {

    /** HS256 wants a key at least as long as its hash. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    /** Tokens already checked, until they expire: a client sends the same token with every request. */
    private static final int KEPT_CALLERS = 10_000;

    private final JWTAuth jwt;
    private final boolean demo;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    /** A token's caller, and when the token stops being valid (epoch seconds; Long.MAX_VALUE for never). */
    private record Checked(Caller caller, long expires) {
    }

    private Tokens(JWTAuth jwt, boolean demo) {
        this.jwt = jwt;
        this.demo = demo;
    }

    /** @param secret the signing secret; null in demo mode draws one for this run, so its tokens end with it */
    public static Tokens create(Vertx vertx, String secret, boolean demo) {
        if (secret == null && !demo) {
            throw new IllegalArgumentException("a server that is not in demo mode needs a secret to check tokens with");
        }
        String key = secret != null ? secret : randomSecret();
        if (key.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long, not " + key.length());
        }
        return new Tokens(JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
                .setAlgorithm("HS256").setBuffer(key))), demo);
    }

    /** The caller an {@code Authorization} header (or a WebSocket's connection payload) names; null if none was sent. */
    public Future<Caller> caller(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return demo ? Future.succeededFuture(Caller.ANONYMOUS_DEMO)
                    : Future.failedFuture(new Unauthenticated("this server needs a token: send the header "
                    + "Authorization: Bearer <token>"));
        }
        if (!authorization.startsWith(BEARER)) {
            return Future.failedFuture(new Unauthenticated("the Authorization header must read Bearer <token>"));
        }
        String token = authorization.substring(BEARER.length()).trim();
        Checked known = checked.get(token);
        if (known != null && known.expires() > Instant.now().getEpochSecond()) {
            return Future.succeededFuture(known.caller());
        }
        return jwt.authenticate(new TokenCredentials(token))
                .map(user -> keep(token, user))
                .recover(failure -> Future.failedFuture(new Unauthenticated("the token was refused: " + failure.getMessage())));
    }

    private Caller keep(String token, User user) {
        JsonObject claims = claimsOf(user);
        Caller caller = callerOf(claims);
        if (checked.size() >= KEPT_CALLERS) {
            checked.clear();
        }
        checked.put(token, new Checked(caller, claims.getLong("exp", Long.MAX_VALUE)));
        return caller;
    }

    public String issue(String subject, Set<Role> roles, Duration validFor) {
        JsonArray claimed = new JsonArray();
        roles.forEach(role -> claimed.add(role.claim()));
        return jwt.generateToken(new JsonObject().put("sub", subject).put("roles", claimed),
                new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) validFor.toSeconds()));
    }

    private static JsonObject claimsOf(User user) {
        return user.attributes().getJsonObject("accessToken", user.principal());
    }

    private static Caller callerOf(JsonObject claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : claims.getJsonArray("roles", new JsonArray())) {
            for (Role role : Role.values()) {
                if (role.claim().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return new Caller(claims.getString("sub", "unnamed"), roles);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
