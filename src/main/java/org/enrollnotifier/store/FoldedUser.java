package org.enrollnotifier.store;

import org.enrollnotifier.model.DirectoryUser;

/**
 * A user with the keys that sort and find it, folded from its names. Folding needs no connection,
 * so it can be done on another thread than the one that writes the user.
 */
public record FoldedUser(DirectoryUser user, String displayKey, String usernameKey, String emailKey,
                         String searchKey) {

    /** Folds each of the user's fields once, for its own key and the search key alike. */
    public static FoldedUser of(DirectoryUser user) {
        String displayKey = TextFolding.fold(user.displayName());
        String usernameKey = TextFolding.fold(user.username());
        String emailKey = TextFolding.fold(user.email());
        return new FoldedUser(user, displayKey, usernameKey, emailKey, TextFolding.searchKeyOfFolded(displayKey,
                usernameKey, emailKey, TextFolding.fold(user.firstName()), TextFolding.fold(user.lastName())));
    }
}
