package org.enrollnotifier.app;

import java.util.List;
import java.util.Optional;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.UserCounts;

/**
 * One page of a listing.
 *
 * @param index     zero-based; clamped to the last page when the listing shrank
 * @param pageCount at least 1, so an empty listing still has its (empty) first page; while the
 *                  listing is not counted yet, the pages known to exist
 * @param counts    empty while a search many users match is not counted yet
 */
public record UserPage(int index, int pageCount, Optional<UserCounts> counts, List<DirectoryUser> users) {
    public UserPage {
        users = List.copyOf(users);
    }
}
