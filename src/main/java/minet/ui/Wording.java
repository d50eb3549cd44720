package minet.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window speaks of Microsoft's documents by name, not by the project's word for them ("the seed"): texts the
 * engine writes for the command line pass through {@link #forUser(String, String)} before the window shows them.
 */
public final class Wording {
    private Wording() {}

    private static final Pattern ERA = Pattern.compile("azure-(\\d{4})-(\\d{2})");

    /** The document a profile's rules come from: "MI connectivity architecture (04/2019)". */
    public static String document(String profile) {
        Matcher m = ERA.matcher(profile == null ? "" : profile);
        return "MI connectivity architecture" + (m.matches() ? " (" + m.group(2) + "/" + m.group(1) + ")" : "");
    }

    /** {@code text} without the word "seed": the document's name where it is meant, "documented" where it qualifies. */
    public static String forUser(String text, String profile) {
        if (text == null || !text.toLowerCase(java.util.Locale.ROOT).contains("seed")) return text;
        String doc = document(profile);
        return text.replace("(seed: ", "(documented: ")
                .replace("the seed's ", "the documented ")
                .replace("The seed's ", "The documented ")
                .replace("the seed", doc)
                .replace("The seed", doc)
                .replace("seed's ", "documented ");
    }
}
