package org.unionanalytics.api.graphql;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unionanalytics.readmodel.cube.Cube;
import org.unionanalytics.readmodel.cube.Cubes;
import org.unionanalytics.readmodel.cube.Member;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDL clients see and the cubes the server computes name the same members, and the SDL says what each means. */
class AnalyticsContractTest {

    static Collection<Cube> cubes() {
        return Cubes.ALL.values();
    }

    private static TypeDefinitionRegistry analytics() throws IOException {
        return new SchemaParser().parse(Files.readString(Path.of("../../schema/analytics.graphqls")));
    }

    private static String typeName(Cube cube) {
        return Character.toUpperCase(cube.name().charAt(0)) + cube.name().substring(1);
    }

    private static Set<String> members(Cube cube, boolean measures) {
        Set<String> names = cube.members().values().stream()
                .filter(member -> measures || member.kind() != Member.Kind.MEASURE)
                .map(Member::name).collect(Collectors.toCollection(HashSet::new));
        if (cube.stock()) {
            names.add(Cube.PERIOD);
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("cubes")
    void every_member_of_the_cube_is_in_the_sdl_and_nothing_else(Cube cube) throws IOException {
        TypeDefinitionRegistry types = analytics();
        String type = typeName(cube);
        assertThat(types.getType("Analytics", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                .extracting(FieldDefinition::getName).contains(cube.name());
        assertThat(types.getType(type + "Row", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                .extracting(FieldDefinition::getName).containsExactlyInAnyOrderElementsOf(members(cube, true));
        Set<String> filterable = members(cube, false);
        filterable.add("AND");
        filterable.add("OR");
        assertThat(types.getType(type + "Where", InputObjectTypeDefinition.class).orElseThrow().getInputValueDefinitions())
                .extracting(InputValueDefinition::getName).containsExactlyInAnyOrderElementsOf(filterable);
        assertThat(types.getType(type + "Member", EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions())
                .extracting(EnumValueDefinition::getName).containsExactlyInAnyOrderElementsOf(members(cube, true));
    }

    @ParameterizedTest
    @MethodSource("cubes")
    void every_member_of_the_cube_says_in_the_sdl_what_it_counts(Cube cube) throws IOException {
        var row = analytics().getType(typeName(cube) + "Row", ObjectTypeDefinition.class).orElseThrow();
        assertThat(row.getDescription()).as("what a row of %s is", row.getName()).isNotNull();
        assertThat(row.getFieldDefinitions()).allSatisfy(field -> assertThat(field.getDescription())
                .as("the description of %s.%s", row.getName(), field.getName()).isNotNull()
                .extracting(description -> description.getContent().isBlank()).isEqualTo(false));
    }
}
