package org.enrollnotifier.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of resolving whom a notification addresses: who gets it, who is left out and why. */
public record RecipientList(List<Recipient> recipients, List<LeftOutUser> leftOut) {

    public RecipientList {
        recipients = List.copyOf(recipients);
        leftOut = List.copyOf(leftOut);
    }

    public Map<LeftOutReason, Long> leftOutCounts() {
        Map<LeftOutReason, Long> counts = new EnumMap<>(LeftOutReason.class);
        for (LeftOutReason reason : LeftOutReason.values()) {
            counts.put(reason, 0L);
        }
        leftOut.forEach(user -> counts.merge(user.reason(), 1L, Long::sum));
        return counts;
    }
}
