package org.unionanalytics.eventstore.eventstoredb;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllStreamTokenTest {

    private final AllStreamToken early = new AllStreamToken(100, 90);
    private final AllStreamToken sameCommitLaterPrepare = new AllStreamToken(100, 95);
    private final AllStreamToken late = new AllStreamToken(250, 250);

    @Test
    void tokens_are_ordered_by_commit_then_prepare_position() {
        assertThat(early).isLessThan(sameCommitLaterPrepare).isLessThan(late);
        assertThat(AllStreamToken.START).isLessThan(early);
    }

    @Test
    void a_token_covers_itself_and_every_earlier_token_but_no_later_one() {
        assertThat(late.covers(early)).isTrue();
        assertThat(late.covers(late)).isTrue();
        assertThat(sameCommitLaterPrepare.covers(early)).isTrue();
        assertThat(early.covers(sameCommitLaterPrepare)).isFalse();
        assertThat(early.covers(null)).as("every token covers the start of the log").isTrue();
        assertThat(AllStreamToken.START.covers(early)).isFalse();
    }

    @Test
    void the_lower_bound_is_the_earlier_token_and_the_upper_bound_the_later_whichever_asks() {
        assertThat(early.lowerBound(late)).isEqualTo(early);
        assertThat(late.lowerBound(early)).isEqualTo(early);
        assertThat(early.upperBound(late)).isEqualTo(late);
        assertThat(late.upperBound(early)).isEqualTo(late);
        assertThat(early.upperBound(sameCommitLaterPrepare)).isEqualTo(sameCommitLaterPrepare);
    }

    @Test
    void the_same_position_is_the_same_commit_and_prepare() {
        assertThat(early.samePositionAs(new AllStreamToken(100, 90))).isTrue();
        assertThat(early.samePositionAs(sameCommitLaterPrepare)).isFalse();
        assertThat(early.samePositionAs(null)).isFalse();
    }

    @Test
    void the_position_is_the_commit_position_and_zero_at_the_start() {
        assertThat(late.position()).hasValue(250);
        assertThat(AllStreamToken.START.position()).hasValue(0);
    }

    @Test
    void a_replay_token_replays_up_to_the_reset_point_and_then_goes_live() {
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(late, AllStreamToken.START);
        assertThat(ReplayToken.isReplay(replay.advancedTo(early))).isTrue();
        assertThat(ReplayToken.isReplay(replay.advancedTo(late))).isTrue();
        TrackingToken after = replay.advancedTo(new AllStreamToken(300, 300));
        assertThat(ReplayToken.isReplay(after)).isFalse();
        assertThat(after).isEqualTo(new AllStreamToken(300, 300));
    }

    @Test
    void a_token_of_another_store_is_refused_clearly() {
        assertThatThrownBy(() -> early.covers(new GlobalSequenceTrackingToken(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GlobalSequenceTrackingToken");
    }

    @Test
    void a_token_survives_being_stored_as_json() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String stored = json.writeValueAsString(sameCommitLaterPrepare);
        assertThat(json.readValue(stored, AllStreamToken.class)).isEqualTo(sameCommitLaterPrepare);
    }
}
