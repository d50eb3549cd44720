package minet.layout;

/** A point on the canvas, in canvas units. */
public record Point(double x, double y) {}
