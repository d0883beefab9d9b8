package org.enrollnotifier.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;

/** Translates a {@link UserQuery} into a WHERE clause, its parameters, and its keyset order. */
final class UserQuerySql {

    /** FTS5's trigram tokenizer needs three characters; shorter terms fall back to LIKE on the folded keys. */
    private static final int TRIGRAM = 3;

    /** The search index's matches first, each joined to its user; needs {@link #MATCHING} in the WHERE. */
    private static final String MATCHES_THEN_USERS =
            "directory_user_search CROSS JOIN directory_user u ON u.id = directory_user_search.rowid";
    private static final String MATCHING = " WHERE directory_user_search MATCH ? AND ";

    private static final List<String> SHORT_TERM_COLUMNS =
            List.of("u.display_key", "u.username_key", "u.email_key", "u.first_name", "u.last_name");

    private final StringBuilder where = new StringBuilder("1 = 1");
    /** The FTS5 query for the search's longer terms; null when there are none. */
    private String match;
    private final List<Object> parameters = new ArrayList<>();
    private final List<String> sortExpressions;
    private final boolean ascending;

    UserQuerySql(UserQuery query) {
        addStore(query.storeId());
        addFilter(query.filter());
        addSearch(query.search());
        sortExpressions = sortExpressions(query.sort().field());
        ascending = query.sort().ascending();
    }

    private void addStore(Long storeId) {
        if (storeId != null) {
            where.append(" AND u.store_id = ?");
            parameters.add(storeId);
        }
    }

    private void addFilter(EnrollmentFilter filter) {
        switch (filter.mode()) {
            case ALL -> { }
            case NOT_ENROLLED -> where.append(" AND u.enrolled_types = 0");
            case ENROLLED -> where.append(" AND u.enrolled_types <> 0");
            case NOT_ENROLLED_WITH -> {
                where.append(" AND (u.enrolled_types & ?) = 0");
                parameters.add(filter.type().bit());
            }
            case ENROLLED_WITH -> {
                where.append(" AND (u.enrolled_types & ?) <> 0");
                parameters.add(filter.type().bit());
            }
        }
    }

    private void addSearch(String search) {
        List<String> phrases = new ArrayList<>();
        for (String term : search.split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            if (term.codePointCount(0, term.length()) >= TRIGRAM) {
                phrases.add('"' + term.replace("\"", "\"\"") + '"');
            } else {
                String pattern = "%" + escapeLike(TextFolding.fold(term)) + "%";
                List<String> matches = new ArrayList<>();
                for (String column : SHORT_TERM_COLUMNS) {
                    matches.add(column + " LIKE ? ESCAPE '\\'");
                    parameters.add(pattern);
                }
                where.append(" AND (").append(String.join(" OR ", matches)).append(')');
            }
        }
        if (!phrases.isEmpty()) {
            match = String.join(" AND ", phrases);
        }
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<String> sortExpressions(UserSort.Field field) {
        return switch (field) {
            case DISPLAY_NAME -> List.of("u.display_key", "u.id");
            case USERNAME -> List.of("u.username_key", "u.id");
            case EMAIL -> List.of("u.email_key", "u.id");
            case IDENTITY_STORE -> List.of("s.name", "u.display_key", "u.id");
            case ENROLLMENT_STATUS -> List.of("u.enrolled_types", "u.display_key", "u.id");
        };
    }

    /** The filter for queries that read the users' table first, e.g. in a sort order. */
    String where() {
        return match == null ? where.toString()
                : where + " AND u.id IN (SELECT rowid FROM directory_user_search WHERE directory_user_search MATCH ?)";
    }

    /**
     * The users' table, and the search index first when there is a search: counting from the
     * index's matches beats probing them for every user of the store.
     */
    String fromMatchesFirst() {
        return match == null ? "directory_user u WHERE " + where
                : MATCHES_THEN_USERS + MATCHING + where;
    }

    /**
     * Like {@link #fromMatchesFirst()}, but without a search the users' table is read front to back
     * instead of through an index: reading most of a store, that is several times faster than
     * visiting its rows in an index's order. Binds as {@link #bindMatchesFirst}.
     */
    String fromScan() {
        return match == null ? "directory_user AS u NOT INDEXED WHERE " + where : fromMatchesFirst();
    }

    /**
     * The users with their store, filtered. With {@code matchesFirst} and a search, the search
     * index's matches are read first and the order is sorted from them: cheaper than walking the
     * sort order when few users match. Binds with {@link #bindSource}.
     */
    String source(boolean matchesFirst) {
        String store = " JOIN identity_store s ON s.id = u.store_id";
        return match != null && matchesFirst
                ? MATCHES_THEN_USERS + store + MATCHING + where
                : "directory_user u" + store + " WHERE " + where();
    }

    int bindSource(PreparedStatement statement, int index, boolean matchesFirst) throws SQLException {
        return matchesFirst ? bindMatchesFirst(statement, index) : bind(statement, index);
    }

    /** Binds the parameters of {@link #fromMatchesFirst()} from {@code index}; returns the next free index. */
    int bindMatchesFirst(PreparedStatement statement, int index) throws SQLException {
        if (match != null) {
            statement.setString(index++, match);
        }
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    List<String> sortExpressions() {
        return sortExpressions;
    }

    /** {@code (k1, k2, id) > (?, ?, ?)}, flipped for a descending order or a backwards walk. */
    String after(boolean backwards) {
        String columns = String.join(", ", sortExpressions);
        String marks = String.join(", ", Collections.nCopies(sortExpressions.size(), "?"));
        boolean greater = ascending != backwards;
        return "(" + columns + ") " + (greater ? ">" : "<") + " (" + marks + ")";
    }

    String orderBy(boolean backwards) {
        String direction = ascending != backwards ? " ASC" : " DESC";
        return String.join(direction + ", ", sortExpressions) + direction;
    }

    /** Binds the filter parameters from {@code index}; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        if (match != null) {
            statement.setString(index++, match);
        }
        return index;
    }
}
