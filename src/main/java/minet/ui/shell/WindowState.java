package minet.ui.shell;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;

/**
 * Where the window was and how it was split, kept between runs (java.util.prefs): its bounds when not maximised,
 * whether it was maximised, the widths of the palette and the properties panel, the height of the bottom panel and
 * whether the properties panel was folded away. Without a stored state the window takes most of the screen, or all
 * of a small one.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized,
                          double paletteWidth, double propertiesWidth, double bottomHeight, boolean propertiesCollapsed) {

    public WindowState(double x, double y, double width, double height, boolean maximized,
                       double paletteWidth, double propertiesWidth, double bottomHeight) {
        this(x, y, width, height, maximized, paletteWidth, propertiesWidth, bottomHeight, false);
    }

    /** The bottom panel shows three findings of three lines each (220 px showed two; the diagram is wide, not tall). */
    public static final double PALETTE = 220, PROPERTIES = 390, BOTTOM = 250;
    /** Below this a window that does not fill the screen leaves too little for canvas, panels and problems. */
    static final double SMALL_WIDTH = 1366, SMALL_HEIGHT = 820;

    /** The first start on a screen with this visible area: 90 % of it, centred; all of it on a small screen. */
    public static WindowState firstStart(Rectangle2D screen) {
        boolean small = screen.getWidth() < SMALL_WIDTH || screen.getHeight() < SMALL_HEIGHT;
        double w = Math.round(screen.getWidth() * 0.9), h = Math.round(screen.getHeight() * 0.9);
        return new WindowState(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2,
                w, h, small, PALETTE, PROPERTIES, BOTTOM);
    }

    /** This state if its bounds still show on {@code screen} (a monitor may have gone), else the first start's. */
    public WindowState fittedTo(Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth()), h = Math.min(height, screen.getHeight());
        boolean visible = x + 80 < screen.getMaxX() && y + 40 < screen.getMaxY() && x + w > screen.getMinX() + 80 && y >= screen.getMinY() - 10;
        if (!visible || w < 400 || h < 300) {
            WindowState f = firstStart(screen);
            return new WindowState(f.x, f.y, f.width, f.height, maximized || f.maximized, paletteWidth, propertiesWidth, bottomHeight, propertiesCollapsed);
        }
        return new WindowState(x, y, w, h, maximized, paletteWidth, propertiesWidth, bottomHeight, propertiesCollapsed);
    }

    public static WindowState load(Preferences p, Rectangle2D screen) {
        if (p == null || p.getDouble("window.width", -1) <= 0) return firstStart(screen);
        return new WindowState(p.getDouble("window.x", 0), p.getDouble("window.y", 0), p.getDouble("window.width", 0),
                p.getDouble("window.height", 0), p.getBoolean("window.maximized", false),
                p.getDouble("window.paletteWidth", PALETTE), p.getDouble("window.propertiesWidth", PROPERTIES),
                p.getDouble("window.bottomHeight", BOTTOM), p.getBoolean("window.propertiesCollapsed", false)).fittedTo(screen);
    }

    public void save(Preferences p) {
        if (p == null) return;
        p.putDouble("window.x", x);
        p.putDouble("window.y", y);
        p.putDouble("window.width", width);
        p.putDouble("window.height", height);
        p.putBoolean("window.maximized", maximized);
        p.putDouble("window.paletteWidth", paletteWidth);
        p.putDouble("window.propertiesWidth", propertiesWidth);
        p.putDouble("window.bottomHeight", bottomHeight);
        p.putBoolean("window.propertiesCollapsed", propertiesCollapsed);
        try {
            p.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // Not remembering the window's place must not stop the app from closing.
        }
    }
}
