package org.unionanalytics.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private final Settings defaults = Settings.defaults(Path.of("data"), 8080);

    @Test
    void a_change_made_by_name_leaves_every_other_setting_as_it_was() {
        Settings changed = defaults.toBuilder().readyLag(50).build();

        assertThat(changed.readyLag()).isEqualTo(50);
        assertThat(changed.toBuilder().readyLag(defaults.readyLag()).build()).isEqualTo(defaults);
    }

    @Test
    void a_negative_lag_for_readiness_is_refused_naming_it() {
        assertThatThrownBy(() -> defaults.toBuilder().readyLag(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lag for readiness").hasMessageContaining("-1");
    }

    @Test
    void live_subscriptions_may_not_look_for_changes_more_often_than_every_50_ms() {
        assertThatThrownBy(() -> defaults.toBuilder().liveInterval(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every 50 ms").hasMessageContaining("every 10 ms");
    }
}
