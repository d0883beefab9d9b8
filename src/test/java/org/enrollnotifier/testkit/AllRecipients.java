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
        Recipients.readAll(list::recipients, PAGE, all::addAll);
        return all;
    }

    public static List<LeftOutUser> leftOut(Recipients list) {
        List<LeftOutUser> all = new ArrayList<>();
        Recipients.readAll(list::leftOut, PAGE, all::addAll);
        return all;
    }
}
