package org.unionanalytics.app;

import org.unionanalytics.api.access.AccessSettings;
import picocli.CommandLine.Option;

/** What tokens must be and carry: what serve checks them with and token signs them with. */
final class AccessOptions {

    @Option(names = "--auth-secret", defaultValue = "${env:UA_AUTH_SECRET}",
            description = "The secret the server's own tokens are signed with (HS256), at least 32 characters. "
                    + "Default: the environment variable UA_AUTH_SECRET.")
    String secret;

    @Option(names = "--auth-issuer", defaultValue = "${env:UA_AUTH_ISSUER}",
            description = "The issuer (iss) every token must name. Default: the environment variable UA_AUTH_ISSUER, "
                    + "else any.")
    String issuer;

    @Option(names = "--auth-audience", defaultValue = "${env:UA_AUTH_AUDIENCE}",
            description = "An audience (aud) every token must name. Default: the environment variable UA_AUTH_AUDIENCE, "
                    + "else any.")
    String audience;

    @Option(names = "--auth-roles-claim", defaultValue = "${env:UA_AUTH_ROLES_CLAIM:-roles}",
            description = "The claim listing a caller's roles: a claim's name, or a JSON pointer such as "
                    + "/realm_access/roles. Default: the environment variable UA_AUTH_ROLES_CLAIM, else roles.")
    String rolesClaim;

    String secret() {
        return given(secret);
    }

    /** @param keySet an identity provider's key set (URL or file); null for none */
    AccessSettings settings(String keySet, boolean demo) {
        return new AccessSettings(secret(), given(keySet), given(issuer), given(audience), rolesClaim, demo);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
