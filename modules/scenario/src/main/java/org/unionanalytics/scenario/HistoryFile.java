package org.unionanalytics.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A history as NDJSON, one command a line, in order:
 * {@code {"phase":7,"commandId":"ref-1-1.0-7-0","type":"EstablishUnion","command":{...}}}.
 */
public final class HistoryFile {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final Map<String, Class<?>> COMMANDS = CommandTypes.ALL.stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private HistoryFile() {
    }

    /** Writes every phase; returns the number of commands. */
    public static long write(Iterator<List<Step>> phases, Writer out) {
        long count = 0;
        try {
            while (phases.hasNext()) {
                for (Step step : phases.next()) {
                    ObjectNode line = JSON.createObjectNode().put("phase", step.phase()).put("commandId", step.commandId())
                            .put("type", step.command().getClass().getSimpleName());
                    line.set("command", JSON.valueToTree(step.command()));
                    out.write(JSON.writeValueAsString(line));
                    out.write('\n');
                    count++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the history failed: " + e.getMessage(), e);
        }
        return count;
    }

    /** Reads a history back phase by phase. */
    public static Iterator<List<Step>> read(BufferedReader in) {
        return new Iterator<>() {
            private Step pending = readStep(in);

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public List<Step> next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                List<Step> phase = new ArrayList<>();
                int number = pending.phase();
                while (pending != null && pending.phase() == number) {
                    phase.add(pending);
                    pending = readStep(in);
                }
                return phase;
            }
        };
    }

    private static Step readStep(BufferedReader in) {
        try {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            JsonNode node = JSON.readTree(line);
            Class<?> type = COMMANDS.get(node.path("type").asText());
            if (type == null) {
                throw new IllegalArgumentException("unknown command type '" + node.path("type").asText() + "' in: " + line);
            }
            return new Step(node.path("phase").asInt(), node.path("commandId").asText(), JSON.treeToValue(node.get("command"), type));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the history failed: " + e.getMessage(), e);
        }
    }
}
