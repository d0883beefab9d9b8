package org.enrollnotifier.store;

import java.util.Set;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;

/** Builds directory users for tests. */
public final class Users {

    private Users() {
    }

    public static DirectoryUser user(String username, String first, String last, String email,
                                     Set<EnrollmentType> enrolled) {
        return new DirectoryUser(0, 0, "", "ext-" + username, username, first, last, first + " " + last, email,
                "Testing", enrolled, null);
    }
}
