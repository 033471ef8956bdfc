package fi.palaute.common.http;

/**
 * Makes a value that came from a client safe for one log line: control characters (CR, LF, ESC, the
 * C1 range, line and paragraph separators) are written as escapes, so a crafted path cannot forge a
 * second log line or move the terminal cursor, and long values are cut.
 */
public final class LogText {
    static final int MAX_LENGTH = 300;

    private LogText() {}

    public static String escape(String value) {
        if (value == null) return "-";
        StringBuilder sb = null;
        int end = Math.min(value.length(), MAX_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || c == '\\';
            if (control && sb == null) sb = new StringBuilder(value.length() + 16).append(value, 0, i);
            if (sb == null) continue;
            if (!control) sb.append(c);
            else if (c == '\\') sb.append("\\\\");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else sb.append(String.format("\\u%04x", (int) c));
        }
        String out = sb == null ? value.substring(0, end) : sb.toString();
        return value.length() > MAX_LENGTH ? out + "…" : out;
    }
}
