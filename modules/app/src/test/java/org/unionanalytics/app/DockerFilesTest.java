package org.unionanalytics.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No Docker engine runs here, so the compose files are checked the way Compose itself reads them
 * ({@code docker-compose config}, offline), and the Dockerfile against the build.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("../../docker");

    @ParameterizedTest
    @ValueSource(strings = {"compose.yml", "compose.cluster.yml"})
    void compose_accepts_the_file(String file) throws IOException, InterruptedException {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (Debian package docker-compose); "
                + ".ci/run installs it when it can");
        ProcessBuilder compose = new ProcessBuilder("docker-compose", "-f", file, "config", "--quiet")
                .directory(DOCKER.toFile()).redirectErrorStream(true);
        compose.environment().put("UA_AUTH_SECRET", "a-secret-of-at-least-32-characters-long");
        Process config = compose.start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.exitValue()).as(output).isZero();
    }

    @Test
    void the_image_runs_the_jar_the_build_makes_as_a_user_without_privileges_and_checks_its_health() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        String appPom = Files.readString(Path.of("pom.xml"));
        assertThat(appPom).contains("<finalName>union-analytics</finalName>");
        assertThat(dockerfile).contains("/src/modules/app/target/union-analytics.jar")
                .contains("USER union").contains("HEALTHCHECK").contains("/health");
    }

    @Test
    void the_cluster_servers_use_the_store_options_the_server_knows() throws IOException {
        String cluster = Files.readString(DOCKER.resolve("compose.cluster.yml"));
        String single = Files.readString(DOCKER.resolve("compose.yml"));
        assertThat(cluster).contains("UA_STORE: eventstoredb").contains("UA_EVENTSTOREDB: kurrentdb+discover://");
        assertThat(single).contains("UA_STORE: postgres").contains("UA_POSTGRES_URL: jdbc:postgresql://postgres:5432/");
        assertThat(StoreOptions.Kind.valueOf("eventstoredb")).isNotNull();
        assertThat(StoreOptions.Kind.valueOf("postgres")).isNotNull();
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
