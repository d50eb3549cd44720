package minet.ui;

import java.util.Locale;

/** Light or dark: the AtlantaFX theme for the controls and the canvas palette ({@code .diagram.dark}). */
public enum Theme {
    LIGHT, DARK;

    public static final String CANVAS_CSS = "/minet/ui/canvas.css";
    public static final String APP_CSS = "/minet/ui/app.css";

    public String userAgentStylesheet() {
        return this == DARK ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet();
    }

    public static Theme parse(String s) {
        if (s == null) return LIGHT;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "light": return LIGHT;
            case "dark": return DARK;
            default: throw new IllegalArgumentException("theme must be light or dark, not '" + s + "'");
        }
    }

    public static String stylesheet(String resource) {
        return Theme.class.getResource(resource).toExternalForm();
    }
}
