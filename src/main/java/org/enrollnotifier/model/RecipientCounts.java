package org.enrollnotifier.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many users a notification reaches, and how many it leaves out for each reason. */
public record RecipientCounts(long recipients, Map<LeftOutReason, Long> leftOut) {

    public static final RecipientCounts NONE = new RecipientCounts(0, Map.of());

    /** Every reason is present, with zero where no one is left out for it. */
    public RecipientCounts {
        Map<LeftOutReason, Long> complete = new EnumMap<>(LeftOutReason.class);
        for (LeftOutReason reason : LeftOutReason.values()) {
            complete.put(reason, leftOut.getOrDefault(reason, 0L));
        }
        leftOut = Collections.unmodifiableMap(complete);
    }

    public long leftOutTotal() {
        return leftOut.values().stream().mapToLong(Long::longValue).sum();
    }
}
