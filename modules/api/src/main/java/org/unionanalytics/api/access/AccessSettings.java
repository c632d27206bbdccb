package org.unionanalytics.api.access;

/**
 * How callers prove who they are: tokens signed with this server's own secret, tokens an identity
 * provider signs with the keys it publishes, or both.
 *
 * @param secret     the shared secret of tokens this server issues itself (HS256, at least 32 characters); null for none
 * @param keySet     where an identity provider publishes its public keys (a JSON Web Key Set): an http(s) URL or a
 *                   file; tokens it signs (RS256, ES256, ...) are accepted. Null for none
 * @param issuer     the {@code iss} every token must carry; null accepts any
 * @param audience   an {@code aud} every token must carry; null accepts any
 * @param rolesClaim the claim that lists a caller's roles: a claim's name, or a JSON pointer into nested claims
 *                   such as {@code /realm_access/roles}
 * @param demo       requests without a token may do everything
 */
public record AccessSettings(String secret, String keySet, String issuer, String audience, String rolesClaim,
                             boolean demo) {

    private static final String ROLES = "roles";

    public AccessSettings {
        if (!demo && secret == null && keySet == null) {
            throw new IllegalArgumentException("a server that is not in demo mode needs a secret or an identity "
                    + "provider's key set to check tokens with");
        }
        if (secret != null && secret.length() < Tokens.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the token secret must be at least " + Tokens.MIN_SECRET_LENGTH
                    + " characters long, not " + secret.length());
        }
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? ROLES : rolesClaim;
    }

    /** Open to anyone, with a secret drawn for the run for the tokens it logs. */
    public static AccessSettings demoMode() {
        return new AccessSettings(null, null, null, null, ROLES, true);
    }

    /** Tokens this server issues with {@code secret}, and no others. */
    public static AccessSettings sharedSecret(String secret) {
        return new AccessSettings(secret, null, null, null, ROLES, false);
    }
}
