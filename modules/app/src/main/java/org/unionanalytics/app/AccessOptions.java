package org.unionanalytics.app;

import picocli.CommandLine.Option;

/** The secret bearer tokens are signed with: what serve checks them with and token signs them with. */
final class AccessOptions {

    @Option(names = "--auth-secret", defaultValue = "${env:UA_AUTH_SECRET}",
            description = "The secret tokens are signed with (HS256), at least 32 characters. "
                    + "Default: the environment variable UA_AUTH_SECRET.")
    String secret;

    String secret() {
        return secret == null || secret.isBlank() ? null : secret;
    }
}
