package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, read from the README itself, so that what a new user pastes is what
 * the tests run.
 */
final class Walkthrough {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    private Walkthrough() {
    }

    static List<String> operations() {
        return readmeSection("walkthrough");
    }

    /** The GraphQL blocks between {@code <!-- name:start -->} and {@code <!-- name:end -->} of the README. */
    static List<String> readmeSection(String name) {
        String readme;
        try {
            readme = Files.readString(Path.of("../../README.md"));
        } catch (IOException e) {
            throw new IllegalStateException("the README is not where the tests expect it: " + e, e);
        }
        String section = readme.substring(readme.indexOf("<!-- " + name + ":start -->"),
                readme.indexOf("<!-- " + name + ":end -->"));
        List<String> operations = new ArrayList<>();
        Matcher block = GRAPHQL_BLOCK.matcher(section);
        while (block.find()) {
            operations.add(block.group(1));
        }
        return operations;
    }

    /** Runs every mutation, checking none is refused; returns the last query's answer, read after the writes. */
    static JsonNode run(GraphQLClient client) {
        List<String> operations = operations();
        String lastPosition = null;
        for (String mutation : operations.subList(0, operations.size() - 1)) {
            GraphQLClient.Answer answer = client.post(mutation);
            assertThat(answer.body().has("errors")).as("errors of %s: %s", mutation, answer.body()).isFalse();
            for (JsonNode receipt : answer.data()) {
                if (receipt.has("position")) {
                    lastPosition = receipt.get("position").asText();
                }
            }
        }
        GraphQLClient.Answer report = client.post(operations.get(operations.size() - 1), lastPosition);
        assertThat(report.body().has("errors")).as("report errors: %s", report.body()).isFalse();
        return report.data();
    }
}
