package org.enrollnotifier.cli;

import java.util.stream.Collectors;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.UserPage;
import org.enrollnotifier.app.UserPager;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code users}: one page of a listing, tab-separated, with the totals on stderr. */
@Command(name = "users", description = "List users, one page at a time, tab-separated: display name, username,"
        + " email, identity store, enrolled types.")
final class UsersCommand extends DataFolderCommand {

    @Mixin
    private SelectionOptions selection;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number, from 1. Default: 1.")
    private int page;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "50", description = "Users per page (1–10000). Default: 50.")
    private int pageSize;

    @Override
    int run(Workspace workspace) {
        if (page < 1 || pageSize < 1 || pageSize > 10_000) {
            throw new ParameterException(spec.commandLine(), "--page must be 1 or more and --page-size 1–10000.");
        }
        UserDirectory directory = new UserDirectory(workspace);
        UserPager pager = directory.pager(selection.query(directory), pageSize);
        UserCounts counts = pager.counts();
        UserPage shown = pager.page(page - 1);
        out().println("Display name\tUsername\tEmail\tIdentity store\tEnrolled types");
        for (DirectoryUser user : shown.users()) {
            out().println(TabSeparated.line(user.displayName(), user.username(),
                    user.email() == null ? "" : user.email(), user.storeName(), enrolled(user)));
        }
        err().println("Page " + (shown.index() + 1) + " of " + shown.pageCount() + " · " + counts.listed()
                + " users · " + counts.withoutEmail() + " without email");
        return 0;
    }

    private static String enrolled(DirectoryUser user) {
        return user.isEnrolled()
                ? user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", "))
                : "Not enrolled";
    }
}
