package org.unionanalytics.app;

import io.vertx.core.Vertx;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token for a caller with the given roles, signed with the server's secret.")
final class TokenCommand implements Callable<Integer> {

    @Mixin
    AccessOptions access;

    @Option(names = "--subject", required = true, description = "Who the token is for; recorded as the actor of their commands.")
    String subject;

    @Option(names = "--role", required = true, description = "A role: ${COMPLETION-CANDIDATES}. Repeat for several.")
    List<Role> roles;

    @Option(names = "--days", defaultValue = "30", description = "How long the token is valid. Default: ${DEFAULT-VALUE}.")
    int days;

    @Override
    public Integer call() {
        if (access.secret() == null) {
            throw new IllegalArgumentException("token needs --auth-secret (or UA_AUTH_SECRET): the secret the server checks tokens with");
        }
        Vertx vertx = Vertx.vertx();
        try {
            System.out.println(Tokens.create(vertx, access.settings(null, false))
                    .issue(subject, EnumSet.copyOf(roles), Duration.ofDays(days)));
            return 0;
        } finally {
            vertx.close();
        }
    }
}
