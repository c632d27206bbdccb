package org.unionanalytics.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * Numbers that JavaScript clients would round (positions beyond 2^53, money) travel as strings.
 * Inputs accept a string, or a plain integer literal.
 */
final class Scalars {

    static final GraphQLScalarType POSITION = stringBacked("Position", "an event position", Long::parseLong, value -> {
        if (value < 0) {
            throw new NumberFormatException("negative");
        }
        return value;
    });

    static final GraphQLScalarType YUAN = stringBacked("Yuan", "an amount in yuan", BigDecimal::new, value -> value);

    /**
     * Strict ISO dates: 2017-02-30 is refused. (graphql-java-extended-scalars' Date resolves it
     * "smartly" to 2017-02-28, which would store a date nobody sent.)
     */
    static final GraphQLScalarType DATE = stringBacked("Date", "a date such as 2017-09-21",
            text -> LocalDate.parse(text, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT)),
            value -> value);

    static final GraphQLScalarType DATE_TIME = stringBacked("DateTime", "an instant such as 2017-09-21T08:00:00Z",
            OffsetDateTime::parse, value -> value);

    /** An event's data and metadata, passed through as the maps, lists and values they were read into. Output only. */
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON").coercing(new Coercing<Object, Object>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            throw new CoercingParseValueException("JSON is only ever sent by the server, never taken as input");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            throw new CoercingParseLiteralException("JSON is only ever sent by the server, never taken as input");
        }
    }).build();

    private Scalars() {
    }

    private static <T> GraphQLScalarType stringBacked(String name, String what, Function<String, T> parse,
                                                      Function<T, T> check) {
        Function<String, T> parseChecked = text -> check.apply(parse.apply(text.trim()));
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof BigDecimal decimal) {
                    return decimal.toPlainString();
                }
                if (value instanceof Number || value instanceof String || value instanceof LocalDate
                        || value instanceof OffsetDateTime) {
                    return value.toString();
                }
                throw new CoercingSerializeException(name + " cannot represent " + value);
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parseChecked.apply(input.toString());
                } catch (RuntimeException e) {
                    throw new CoercingParseValueException("'" + input + "' is not " + what);
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                String text = input instanceof StringValue s ? s.getValue()
                        : input instanceof IntValue i ? i.getValue().toString() : null;
                try {
                    return parseChecked.apply(text);
                } catch (RuntimeException e) {
                    throw new CoercingParseLiteralException("'" + input + "' is not " + what);
                }
            }
        }).build();
    }
}
