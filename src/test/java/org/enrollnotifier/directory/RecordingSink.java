package org.enrollnotifier.directory;

import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.ImportProblem;

/** Keeps what a source delivers; cancels once it holds a given number of users. */
final class RecordingSink implements ImportSink {

    final List<DirectoryUser> users = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    final List<Long> progress = new ArrayList<>();
    private final int cancelAfterUsers;

    RecordingSink() {
        this(Integer.MAX_VALUE);
    }

    RecordingSink(int cancelAfterUsers) {
        this.cancelAfterUsers = cancelAfterUsers;
    }

    @Override
    public void user(DirectoryUser user) {
        users.add(user);
    }

    @Override
    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    @Override
    public void progress(long recordsRead) {
        progress.add(recordsRead);
    }

    @Override
    public boolean cancelled() {
        return users.size() >= cancelAfterUsers;
    }

    DirectoryUser user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + username + " in " + users));
    }
}
