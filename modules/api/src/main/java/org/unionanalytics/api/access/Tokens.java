package org.unionanalytics.api.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: JSON Web Tokens whose {@code sub} names the caller and whose roles claim lists its roles,
 * signed with the server's secret (HS256) or by an identity provider with one of the keys it publishes.
 * Checks the tokens requests carry, and issues tokens under the secret. In demo mode a request without a
 * token may do everything.
 */
public final class Tokens {

    private static final Logger log = LoggerFactory.getLogger(Tokens.class);

    /** HS256 wants a key at least as long as its hash. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    /** Tokens already checked, until they expire: a client sends the same token with every request. */
    private static final int KEPT_CALLERS = 10_000;

    /**
     * A token signed with a key the server has not seen makes it read the provider's key set again (keys are
     * rotated), but not more often than this, so that made-up key ids cannot turn requests into fetches.
     */
    private static final Duration KEY_SET_REREAD_GAP = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final AccessSettings settings;
    private final String secret;
    private final RolesClaim rolesClaim;
    private final Duration rereadGap;
    /** The identity provider's keys; null when tokens are checked with the secret alone. */
    private final KeySet keySet;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();
    private volatile JWTAuth jwt;
    private long keysReadAt;
    private Future<Void> rereading = Future.succeededFuture();

    /** A token's caller, and when the token stops being valid (epoch seconds; Long.MAX_VALUE for never). */
    private record Checked(Caller caller, long expires) {
    }

    private Tokens(Vertx vertx, AccessSettings settings, String secret, Duration rereadGap) {
        this.vertx = vertx;
        this.settings = settings;
        this.secret = secret;
        this.rolesClaim = new RolesClaim(settings.rolesClaim());
        this.rereadGap = rereadGap;
        this.keySet = settings.keySet() == null ? null : new KeySet(vertx, settings.keySet());
    }

    /** Reads the identity provider's key set, if there is one, before it returns: a server does not start without it. */
    public static Tokens create(Vertx vertx, AccessSettings settings) {
        return create(vertx, settings, KEY_SET_REREAD_GAP);
    }

    static Tokens create(Vertx vertx, AccessSettings settings, Duration rereadGap) {
        String secret = settings.secret() != null ? settings.secret() : settings.demo() ? randomSecret() : null;
        Tokens tokens = new Tokens(vertx, settings, secret, rereadGap);
        tokens.keysReadAt = System.nanoTime();
        tokens.useKeys(tokens.keySet == null ? List.of() : tokens.keySet.read().await());
        return tokens;
    }

    /** The caller an {@code Authorization} header (or a WebSocket's connection payload) names; null if none was sent. */
    public Future<Caller> caller(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return settings.demo() ? Future.succeededFuture(Caller.ANONYMOUS_DEMO)
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
        return check(token, true);
    }

    private Future<Caller> check(String token, boolean mayRereadKeys) {
        return jwt.authenticate(new TokenCredentials(token))
                .map(user -> keep(token, user))
                .recover(failure -> mayRereadKeys && failure instanceof NoSuchKeyIdException && keySet != null
                        ? rereadKeys().compose(reread -> check(token, false))
                        : Future.failedFuture(new Unauthenticated("the token was refused: " + failure.getMessage())));
    }

    /**
     * Requests that meet an unknown key while the key set is being read again wait for that reading. The gap
     * counts from the last attempt, so a provider that cannot be reached is not asked again at every request.
     */
    private synchronized Future<Void> rereadKeys() {
        if (System.nanoTime() - keysReadAt >= rereadGap.toNanos()) {
            keysReadAt = System.nanoTime();
            rereading = keySet.read()
                    .onSuccess(keys -> log.info("Read the identity provider's key set again: {} keys", keys.size()))
                    .map(keys -> {
                        useKeys(keys);
                        return (Void) null;
                    })
                    .otherwise(failure -> {
                        log.warn("Kept the identity provider's keys read before: {}", failure.getMessage());
                        return null;
                    });
        }
        return rereading;
    }

    private synchronized void useKeys(List<JsonObject> keys) {
        JWTAuthOptions options = new JWTAuthOptions().setJwks(keys).setJWTOptions(required(new JWTOptions()));
        if (secret != null) {
            options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret));
        }
        jwt = JWTAuth.create(vertx, options);
    }

    /** The issuer and audience every token must name, so the server's own tokens name them too. */
    private JWTOptions required(JWTOptions options) {
        if (settings.issuer() != null) {
            options.setIssuer(settings.issuer());
        }
        if (settings.audience() != null) {
            options.addAudience(settings.audience());
        }
        return options;
    }

    private Caller keep(String token, User user) {
        JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
        Caller caller = new Caller(claims.getString("sub", "unnamed"), rolesClaim.rolesIn(claims));
        if (checked.size() >= KEPT_CALLERS) {
            checked.clear();
        }
        checked.put(token, new Checked(caller, claims.getLong("exp", Long.MAX_VALUE)));
        return caller;
    }

    /** A token under the server's secret, with its roles where the roles claim reads them. */
    public String issue(String subject, Set<Role> roles, Duration validFor) {
        if (secret == null) {
            throw new IllegalStateException("this server has no secret to sign tokens with: its tokens come from "
                    + "the identity provider");
        }
        return jwt.generateToken(rolesClaim.with(new JsonObject().put("sub", subject), roles),
                required(new JWTOptions()).setAlgorithm("HS256").setExpiresInSeconds((int) validFor.toSeconds()));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
