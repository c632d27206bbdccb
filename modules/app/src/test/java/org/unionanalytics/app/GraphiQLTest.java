package org.unionanalytics.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL's page comes from vertx-web-graphql, whose assets change with its version (5.1 brought a
 * new GraphiQL, its scripts and editor workers under new names): the page must find all of them on
 * this server, with nothing fetched from elsewhere, so that it also works where there is no internet.
 */
class GraphiQLTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Scripts, styles and icons the page names, and the editor's workers in its Monaco set-up. */
    private static final Pattern NAMED = Pattern.compile("(?:src=|href=|: )\"(\\./[^\"]+)\"");

    @TempDir
    Path dataDirectory;

    @Test
    void the_graphiql_page_finds_everything_it_loads_on_this_server_and_talks_to_its_graphql_endpoint() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            URI page = URI.create("http://127.0.0.1:" + server.port() + "/graphiql/");
            HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).contains("\"graphQLUri\":\"/graphql\"").contains("\"graphQLWSUri\":\"/graphql\"")
                    .doesNotContainPattern("(src|href)=\"(https?:)?//");
            List<String> named = NAMED.matcher(html.body()).results().map(match -> match.group(1)).toList();
            assertThat(named).anyMatch(path -> path.endsWith(".js")).anyMatch(path -> path.endsWith(".css"))
                    .anyMatch(path -> path.contains("worker"));
            for (String path : named) {
                HttpResponse<Void> asset = HTTP.send(HttpRequest.newBuilder(page.resolve(path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(asset.statusCode()).as(path).isEqualTo(200);
            }
        }
    }
}
