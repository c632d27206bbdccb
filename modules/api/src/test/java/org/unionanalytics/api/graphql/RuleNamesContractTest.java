package org.unionanalytics.api.graphql;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused command's error names the rule it broke ({@code extensions.rule}); the mutations'
 * descriptions in the SDL say which rules each may be refused as, so that clients can handle them.
 * The domain writes its rules' names as hyphenated string literals and writes no other.
 */
class RuleNamesContractTest {

    private static final Pattern RULE_LITERAL = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");
    private static final Pattern REFUSALS = Pattern.compile("Refused as ([^\"]*)");
    private static final Pattern NAMED = Pattern.compile("`([a-z]+(?:-[a-z]+)+)`");

    @Test
    void the_mutations_name_every_rule_the_domain_refuses_commands_by_and_no_other() throws IOException {
        assertThat(namedInSchema()).containsExactlyInAnyOrderElementsOf(checkedByTheDomain());
    }

    private static Set<String> checkedByTheDomain() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("../domain/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> all(RULE_LITERAL, read(file))).collect(Collectors.toSet());
        }
    }

    private static Set<String> namedInSchema() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../schema"))) {
            return files.filter(file -> file.toString().endsWith(".graphqls"))
                    .flatMap(file -> all(REFUSALS, read(file)))
                    .flatMap(refusals -> all(NAMED, refusals)).collect(Collectors.toSet());
        }
    }

    private static Stream<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.results().map(match -> match.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
