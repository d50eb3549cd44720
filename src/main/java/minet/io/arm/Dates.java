package minet.io.arm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date functions. {@code utcNow()} is the time of deployment, which an offline import does not have: it is
 * the fixed stand-in {@link #NOW}, so that imports are repeatable. Formats are .NET's, translated to Java's.
 */
final class Dates {
    private Dates() {}

    /** utcNow()'s stand-in. */
    static final Instant NOW = Instant.parse("2000-01-01T00:00:00Z");
    static final String ISO = "yyyy-MM-ddTHH:mm:ssZ";

    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** utcNow's default format is {@code yyyyMMddTHHmmssZ}. */
    static String utcNow(String format) throws Problem {
        return format(NOW, format == null ? "yyyyMMddTHHmmssZ" : format);
    }

    /** Without a format, the result is written as the base is: utcNow()'s compact form stays compact. */
    static String add(String base, String duration, String format) throws Problem {
        Instant t = parse(base);
        String f = format != null ? format : COMPACT.matcher(base.strip()).matches() ? "yyyyMMddTHHmmssZ" : ISO;
        return format(t.plus(duration(duration)), f);
    }

    private static final Pattern COMPACT = Pattern.compile("\\d{8}T\\d{6}Z");

    static String fromEpoch(long seconds) throws Problem {
        return format(Instant.ofEpochSecond(seconds), ISO);
    }

    static long toEpoch(String text) throws Problem {
        return parse(text).getEpochSecond();
    }

    static Instant parse(String text) throws Problem {
        String t = text.strip().replace(' ', 'T');
        if (COMPACT.matcher(t).matches()) {
            t = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 11) + ":" + t.substring(11, 13) + ":" + t.substring(13);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new Problem("'" + text + "' is not a date and time in ISO 8601 form (2024-01-31T12:00:00Z)");
            }
        }
    }

    private static final Pattern DURATION = Pattern.compile("(-)?P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");

    /** An ISO 8601 duration; as Azure does, a year is 365 days and a month 30. */
    static Duration duration(String text) throws Problem {
        Matcher m = DURATION.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || text.strip().length() < 3) throw new Problem("'" + text + "' is not an ISO 8601 duration such as P1D or PT8H");
        try {
            long days = n(m, 2) * 365 + n(m, 3) * 30 + n(m, 4) * 7 + n(m, 5);
            Duration d = Duration.ofDays(days).plusHours(n(m, 6)).plusMinutes(n(m, 7));
            if (m.group(8) != null) d = d.plusMillis(Math.round(Double.parseDouble(m.group(8)) * 1000));
            return m.group(1) != null ? d.negated() : d;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Problem("duration '" + text + "' is too long");
        }
    }

    private static long n(Matcher m, int g) {
        return m.group(g) == null ? 0 : Long.parseLong(m.group(g));
    }

    /** A .NET date format (standard: u, s, o, d, D, t, T, g, G; or custom: yyyy-MM-dd HH:mm:ss …), in UTC. */
    static String format(Instant t, String format) throws Problem {
        OffsetDateTime d = t.atOffset(ZoneOffset.UTC);
        String java;
        switch (format) {
            case "u": java = "yyyy-MM-dd HH:mm:ss'Z'"; break;
            case "s": java = "yyyy-MM-dd'T'HH:mm:ss"; break;
            case "o": case "O": java = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX"; break;
            case "d": java = "M/d/yyyy"; break;
            case "D": java = "EEEE, MMMM d, yyyy"; break;
            case "t": java = "h:mm a"; break;
            case "T": java = "h:mm:ss a"; break;
            case "g": java = "M/d/yyyy h:mm a"; break;
            case "G": java = "M/d/yyyy h:mm:ss a"; break;
            default: java = custom(format);
        }
        try {
            return DateTimeFormatter.ofPattern(java, Locale.ROOT).format(d);
        } catch (IllegalArgumentException e) {
            throw new Problem("'" + format + "' is not a date format");
        }
    }

    /** .NET custom format letters to Java's; other letters are literal, as in .NET. */
    private static String custom(String f) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int run = 1;
            while (i + run < f.length() && f.charAt(i + run) == c) run++;
            String rep;
            switch (c) {
                case 'y': rep = run == 2 ? "yy" : "yyyy"; break;
                case 'M': rep = "M".repeat(Math.min(run, 4)); break;
                case 'd': rep = run <= 2 ? "d".repeat(run) : run == 3 ? "EEE" : "EEEE"; break;
                case 'H': case 'h': case 'm': case 's': rep = String.valueOf(c).repeat(Math.min(run, 2)); break;
                case 'f': case 'F': rep = "S".repeat(Math.min(run, 7)); break;
                case 't': rep = "a"; break;
                case 'z': case 'K': rep = "XXX"; break;
                case '\'': case '"': {
                    int end = f.indexOf(c, i + 1);
                    String lit = end < 0 ? f.substring(i + 1) : f.substring(i + 1, end);
                    out.append(quote(lit));
                    i = end < 0 ? f.length() : end + 1;
                    continue;
                }
                case '\\':
                    if (i + 1 < f.length()) out.append(quote(String.valueOf(f.charAt(i + 1))));
                    i += 2;
                    continue;
                default:
                    rep = quote(String.valueOf(c).repeat(run)); // literal, and safe from Java's reserved [ ] { } #
            }
            out.append(rep);
            i += run;
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : "'" + s.replace("'", "''") + "'";
    }
}
