package org.enrollnotifier.cli;

import java.util.List;
import java.util.Locale;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --store --search --filter}: which users a command works on, exactly as the window's controls. */
final class SelectionOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--store", paramLabel = "NAME", description = "Identity store name. Default: all identity stores.")
    private String store;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Match first, last or display name, username or email (prefix or substring).")
    private String search = "";

    @Option(names = "--filter", paramLabel = "FILTER", defaultValue = "all",
            description = "all, not-enrolled, enrolled, not-enrolled-with:TYPE or enrolled-with:TYPE. Default: ${DEFAULT-VALUE}.")
    private String filter;

    UserQuery query(UserDirectory directory) {
        return new UserQuery(storeId(directory), search, parseFilter(), UserSort.DEFAULT);
    }

    /** Words for the notification's history, like the window's. */
    String audience() {
        return new UserQuery(null, search, parseFilter(), UserSort.DEFAULT).audience(store);
    }

    private Long storeId(UserDirectory directory) {
        if (store == null) {
            return null;
        }
        List<StoreSummary> stores = directory.stores();
        return stores.stream()
                .filter(s -> s.store().name().equalsIgnoreCase(store.strip()))
                .map(s -> s.store().id())
                .findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "No identity store is named '" + store
                        + "'. Known: " + String.join(", ", stores.stream().map(s -> "'" + s.store().name() + "'").toList())));
    }

    private EnrollmentFilter parseFilter() {
        String value = filter.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "all":
                return EnrollmentFilter.ALL_USERS;
            case "not-enrolled":
                return EnrollmentFilter.NOT_ENROLLED;
            case "enrolled":
                return EnrollmentFilter.ENROLLED;
            default:
                break;
        }
        int colon = value.indexOf(':');
        if (colon > 0) {
            EnrollmentType type = TypeNames.parseOne(spec.commandLine(), value.substring(colon + 1));
            switch (value.substring(0, colon)) {
                case "not-enrolled-with":
                    return EnrollmentFilter.notEnrolledWith(type);
                case "enrolled-with":
                    return EnrollmentFilter.enrolledWith(type);
                default:
                    break;
            }
        }
        throw new ParameterException(spec.commandLine(), "Unknown --filter '" + filter + "': use all, not-enrolled,"
                + " enrolled, not-enrolled-with:TYPE or enrolled-with:TYPE.");
    }
}
