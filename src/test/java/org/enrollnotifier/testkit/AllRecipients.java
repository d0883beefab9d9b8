package org.enrollnotifier.testkit;

import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.Recipient;

/** Reads every page of a small recipient list, for assertions about all of it. */
public final class AllRecipients {

    private static final int PAGE = 7;

    private AllRecipients() {
    }

    public static List<Recipient> of(Recipients list) {
        List<Recipient> all = new ArrayList<>();
        Recipients.Cursor from = null;
        do {
            Recipients.Page<Recipient> page = list.recipients(from, PAGE);
            all.addAll(page.items());
            from = page.next();
        } while (from != null);
        return all;
    }

    public static List<LeftOutUser> leftOut(Recipients list) {
        List<LeftOutUser> all = new ArrayList<>();
        Recipients.Cursor from = null;
        do {
            Recipients.Page<LeftOutUser> page = list.leftOut(from, PAGE);
            all.addAll(page.items());
            from = page.next();
        } while (from != null);
        return all;
    }
}
