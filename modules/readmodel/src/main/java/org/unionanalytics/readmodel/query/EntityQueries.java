package org.unionanalytics.readmodel.query;

import org.unionanalytics.readmodel.ReadModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;

/** Lookups by id and filtered, keyset-paginated lists of entities. */
public final class EntityQueries {

    private final Supplier<ReadModel> model;

    public EntityQueries(Supplier<ReadModel> model) {
        this.model = model;
    }

    public Optional<Map<String, Object>> byId(EntityView view, String id) {
        String sql = "SELECT " + view.select() + " FROM " + view.table() + " WHERE " + view.idColumn() + " = ?";
        return model.get().read(connection -> query(connection, sql, List.of(id))).stream().findFirst();
    }

    /** Rows matching every given filter, ordered by id, starting after {@code afterId}. */
    public Page list(EntityView view, Map<String, Object> filters, int first, String afterId) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        filters.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (view.valueFilters().containsKey(name)) {
                conditions.add(view.valueFilters().get(name));
                parameters.add(value instanceof Enum<?> e ? e.name() : value);
            } else if (view.flagFilters().containsKey(name)) {
                conditions.add(view.flagFilters().get(name).get(Boolean.TRUE.equals(value) ? 0 : 1));
            } else {
                throw new IllegalArgumentException("unknown filter " + name + " for " + view.table());
            }
        });
        String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        String page = "SELECT " + view.select() + " FROM " + view.table() + " WHERE " + where
                + (afterId == null ? "" : " AND " + view.idColumn() + " > ?") + " ORDER BY " + view.idColumn()
                + " LIMIT " + (first + 1);
        List<Object> pageParameters = new ArrayList<>(parameters);
        if (afterId != null) {
            pageParameters.add(afterId);
        }
        String count = "SELECT count(*) AS total FROM " + view.table() + " WHERE " + where;
        return model.get().read(connection -> {
            List<Map<String, Object>> rows = query(connection, page, pageParameters);
            long total = ((Number) query(connection, count, parameters).get(0).get("total")).longValue();
            boolean more = rows.size() > first;
            return new Page(more ? rows.subList(0, first) : rows, more, total);
        });
    }

    static List<Map<String, Object>> query(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return Rows.all(rows);
            }
        }
    }
}
