package org.enrollnotifier.ui;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A bar of two groups: what the operator chooses on the left, what they can do on the right. They
 * share one row while the left group fits at its minimum width beside the right one; in a narrower
 * window the right group gets a row of its own below, at the right. The main window's controls
 * need about 1,200 pixels in one row: at 1,024 the row was laid out wider than the window, its
 * last buttons cut off and the page navigator's last-page button with them.
 */
final class WrappingToolbar extends Region {

    /** Between two controls, and between the two rows. */
    static final double GAP = 10;

    private final HBox start;
    private final HBox end;

    WrappingToolbar(List<Node> start, List<Node> end) {
        this.start = group(start);
        this.end = group(end);
        getChildren().addAll(this.start, this.end);
    }

    private static HBox group(List<Node> nodes) {
        HBox group = new HBox(GAP);
        group.getChildren().setAll(nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    /** Whether both groups fit in one row of this width: the height depends on the width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(start.minWidth(-1), end.prefWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + start.prefWidth(-1) + GAP + end.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double rows = inOneRow(width) ? Math.max(start.prefHeight(-1), end.prefHeight(-1))
                : start.prefHeight(-1) + GAP + end.prefHeight(-1);
        return snappedTopInset() + rows + snappedBottomInset();
    }

    /** Any width when none is given yet: the bar is then asked at its preferred width, which fits. */
    private boolean inOneRow(double width) {
        return width < 0 || start.minWidth(-1) + GAP + end.prefWidth(-1) <= innerWidth(width);
    }

    private double innerWidth(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = innerWidth(getWidth());
        double endWidth = Math.min(end.prefWidth(-1), width);
        if (inOneRow(getWidth())) {
            double height = getHeight() - y - snappedBottomInset();
            layoutInArea(start, x, y, width - GAP - endWidth, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + width - endWidth, y, endWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = start.prefHeight(-1);
            layoutInArea(start, x, y, width, startHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + width - endWidth, y + startHeight + GAP, endWidth, end.prefHeight(-1), 0,
                    HPos.RIGHT, VPos.CENTER);
        }
    }
}
