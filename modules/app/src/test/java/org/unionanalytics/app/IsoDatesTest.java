package org.unionanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoDatesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IsoDates());

    @Test
    void every_day_of_a_leap_year_and_the_next_reads_back_as_the_date_written() throws Exception {
        for (LocalDate day = LocalDate.of(2016, 1, 1); day.isBefore(LocalDate.of(2018, 1, 1)); day = day.plusDays(1)) {
            assertThat(json.readValue("\"" + day + "\"", LocalDate.class)).isEqualTo(day);
        }
    }

    @Test
    void other_forms_are_read_as_the_jsr310_module_reads_them() throws Exception {
        assertThat(IsoDates.parse("2017-9-21")).isNull();
        assertThat(json.readValue("[2017,9,21]", LocalDate.class)).isEqualTo(LocalDate.of(2017, 9, 21));
        assertThat(json.readValue("\"+10000-01-01\"", LocalDate.class)).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(json.readValue("null", LocalDate.class)).isNull();
    }

    @Test
    void an_impossible_date_is_refused_as_before() {
        assertThat(IsoDates.parse("2017-02-29")).isNull();
        assertThat(IsoDates.parse("2017-13-01")).isNull();
        assertThatThrownBy(() -> json.readValue("\"2017-02-29\"", LocalDate.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue("\"2017-0x-01\"", LocalDate.class)).isInstanceOf(InvalidFormatException.class);
    }
}
