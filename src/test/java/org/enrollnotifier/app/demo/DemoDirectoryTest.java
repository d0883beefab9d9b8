package org.enrollnotifier.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.enrollnotifier.model.DirectoryUser;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {

    private final List<DemoDirectory.DemoStore> stores = new DemoDirectory().stores();
    private final List<DirectoryUser> users = stores.stream().flatMap(s -> s.users().stream()).toList();

    @Test
    void theSameSeedGivesTheSameUsers() {
        assertEquals(stores, new DemoDirectory().stores());
    }

    @Test
    void aboutFortyPercentAreNotEnrolledAndSomeArePartlyEnrolled() {
        double notEnrolled = share(users.stream().filter(u -> !u.isEnrolled()).count());
        assertTrue(notEnrolled > 0.35 && notEnrolled < 0.45, "not enrolled: " + notEnrolled);
        assertTrue(users.stream().anyMatch(u -> u.enrolledTypes().size() == 1));
        assertTrue(users.stream().anyMatch(u -> u.enrolledTypes().size() >= 3));
    }

    @Test
    void aboutFivePercentHaveNoEmailAndAFewShareAnAddress() {
        double noEmail = share(users.stream().filter(u -> u.email() == null).count());
        assertTrue(noEmail > 0.03 && noEmail < 0.07, "no email: " + noEmail);
        for (DemoDirectory.DemoStore store : stores) {
            Map<String, Long> byAddress = store.users().stream().filter(u -> u.email() != null)
                    .collect(Collectors.groupingBy(u -> u.email().toLowerCase(Locale.ROOT), Collectors.counting()));
            long shared = byAddress.values().stream().filter(n -> n > 1).count();
            assertTrue(shared >= 3 && shared <= store.users().size() / 50, store.name() + ": " + shared);
        }
    }

    @Test
    void namesIncludeNonAsciiAndUsernamesAndIdsAreUniquePerStore() {
        assertTrue(users.stream().anyMatch(u -> !u.displayName().chars().allMatch(c -> c < 128)));
        for (DemoDirectory.DemoStore store : stores) {
            assertEquals(store.users().size(), store.users().stream().map(DirectoryUser::username).distinct().count());
            assertEquals(store.users().size(), store.users().stream().map(DirectoryUser::externalId).distinct().count());
            assertTrue(store.users().stream().allMatch(u -> u.username().matches("[a-z0-9]+")), store.name());
        }
    }

    private double share(long count) {
        return (double) count / users.size();
    }
}
