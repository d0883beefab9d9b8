package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.enrollnotifier.store.ListingAnchors.Anchor;
import org.junit.jupiter.params.provider.Arguments;

/** What every anchor of a listing must be: near the row asked for, and a place the listing goes on from. */
final class AnchorChecks {

    /** The anchor at or before a row of the listing. */
    interface Lookup {
        Optional<Anchor> atOrBefore(Connection c, long row, long listed) throws SQLException;
    }

    private AnchorChecks() {
    }

    /** Each of the filters with each sort field: the arguments of a test of anchors. */
    static Stream<Arguments> inEveryOrder(EnrollmentFilter... filters) {
        return Stream.of(filters).flatMap(filter -> Stream.of(UserSort.Field.values())
                .map(field -> Arguments.of(filter, field)));
    }

    /**
     * For every row of the ascending {@code listing}, the anchor lies no more than {@code farthest}
     * rows before it, and the listing after the anchor's key goes on with the row after the anchor's.
     */
    static void assertEveryRowHasANearAnchorTheListingGoesOnFrom(Database database, UserQuery listing,
                                                                 long farthest, Lookup anchors) {
        DirectoryUserRepository users = new DirectoryUserRepository();
        List<KeyedUser> rows = database.read(c -> users.page(c, listing, null, 1000, SearchPlan.CHECK_ROWS));
        assertTrue(rows.size() >= 5, rows.size() + " users");
        for (long row = 0; row < rows.size(); row++) {
            long asked = row;
            Optional<Anchor> anchor = database.read(c -> anchors.atOrBefore(c, asked, rows.size()));
            long anchorRow = anchor.map(Anchor::row).orElse(-1L);
            assertTrue(anchorRow <= row && row - anchorRow <= farthest, "row " + row + ", anchor " + anchor);
            if (anchor.isPresent()) {
                List<KeyedUser> after = database.read(c -> users.page(c, listing, anchor.get().key(), 1,
                        SearchPlan.CHECK_ROWS));
                assertEquals(rows.subList((int) anchorRow + 1, Math.min(rows.size(), (int) anchorRow + 2)), after,
                        "after the anchor of row " + row);
            }
        }
    }
}
