package org.enrollnotifier.model;

/** How many users a query lists, and how many of those have no email address. */
public record UserCounts(long listed, long withoutEmail) {
    public static final UserCounts NONE = new UserCounts(0, 0);
}
