package org.enrollnotifier.model;

/** Where a window stood on the desktop and how large it was, in screen coordinates. */
public record WindowBounds(double x, double y, double width, double height) {
}
