package minet.model;

/** A rectangle on the canvas, in canvas units (1 unit = 1 px at 100 %). */
public record Bounds(double x, double y, double width, double height) {
    public Bounds moved(double dx, double dy) { return new Bounds(x + dx, y + dy, width, height); }
    public Bounds resized(double w, double h) { return new Bounds(x, y, w, h); }
    public boolean contains(Bounds o) {
        return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height;
    }
    public boolean overlaps(Bounds o) {
        return o.x < x + width && x < o.x + o.width && o.y < y + height && y < o.y + o.height;
    }
}
