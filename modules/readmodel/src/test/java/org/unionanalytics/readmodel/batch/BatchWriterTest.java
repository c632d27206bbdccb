package org.unionanalytics.readmodel.batch;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.shared.District;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchWriterTest {

    @TempDir
    Path directory;

    private static final Object[] ROW = {"enterprise-1", District.HAISHU, LocalDate.of(2017, 9, 21),
            OffsetDateTime.of(2017, 9, 21, 8, 30, 0, 0, ZoneOffset.UTC), 42L, 7, new BigDecimal("1234.5"), null};

    @Test
    void a_row_written_alone_reads_back_as_the_same_row_written_among_others() throws Exception {
        try (var connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("rows.duckdb"));
             var writer = new BatchWriter(connection);
             Statement statement = connection.createStatement()) {
            for (String table : List.of("alone", "among_others")) {
                statement.execute("CREATE TABLE " + table + " (id VARCHAR, district VARCHAR, on_date DATE, recorded_at TIMESTAMPTZ, "
                        + "position BIGINT, count INTEGER, benefit DECIMAL(18, 2), ended_on DATE)");
            }

            writer.append("alone", List.<Object[]>of(ROW));
            writer.append("alone", List.<Object[]>of(ROW));
            writer.append("among_others", List.of(ROW, ROW));

            assertThat(rows(statement, "alone")).hasSize(2).isEqualTo(rows(statement, "among_others"));
        }
    }

    @Test
    void a_statement_run_again_with_other_values_changes_what_they_name() throws Exception {
        try (var connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("kept.duckdb"));
             var writer = new BatchWriter(connection);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE positions (name VARCHAR, position BIGINT)");
            statement.execute("INSERT INTO positions VALUES ('a', 0), ('b', 0)");

            int first = writer.execute("UPDATE positions SET position = ? WHERE name = ?", 5L, "a");
            int second = writer.execute("UPDATE positions SET position = ? WHERE name = ?", 9L, "b");
            int none = writer.execute("UPDATE positions SET position = ? WHERE name = ?", 1L, "c");

            assertThat(List.of(first, second, none)).containsExactly(1, 1, 0);
            assertThat(rows(statement, "positions")).containsExactlyInAnyOrder(List.of("a", "5"), List.of("b", "9"));
        }
    }

    private static List<List<String>> rows(Statement statement, String table) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
