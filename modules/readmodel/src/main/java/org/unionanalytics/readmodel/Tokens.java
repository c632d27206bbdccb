package org.unionanalytics.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Tracking tokens as the read model stores them next to its position. A position alone is not
 * enough on every store: on PostgreSQL the token also lists the positions still open behind it,
 * whose events may yet commit and must not be missed after a restart.
 */
final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    static String encode(TrackingToken token) {
        ObjectNode stored = JSON.createObjectNode();
        stored.put("type", token.getClass().getName());
        stored.set("token", JSON.valueToTree(token));
        return stored.toString();
    }

    static TrackingToken decode(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            Class<?> type = Class.forName(node.get("type").asText());
            if (!TrackingToken.class.isAssignableFrom(type)) {
                throw new ReadModelException("the read model's stored token is not a tracking token: " + stored, null);
            }
            return (TrackingToken) JSON.treeToValue(node.get("token"), type);
        } catch (JsonProcessingException | ClassNotFoundException e) {
            throw new ReadModelException("the read model's stored token cannot be read: " + stored, e);
        }
    }

    /**
     * Whether a reader at {@code token} has seen the event at {@code position}: a client waiting
     * for its own write asks about that write's last event (its events commit together), not about
     * older open positions, which may belong to a transaction that rolled back.
     */
    static boolean reached(TrackingToken token, long position) {
        if (token == null) {
            return position <= 0;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token.position().orElse(0L) >= position;
    }
}
