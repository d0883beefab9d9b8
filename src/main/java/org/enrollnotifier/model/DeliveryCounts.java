package org.enrollnotifier.model;

/** How far a notification's deliveries have got. */
public record DeliveryCounts(int total, int sent, int failed) {

    public int left() {
        return total - sent - failed;
    }

    public boolean finished() {
        return left() == 0;
    }
}
