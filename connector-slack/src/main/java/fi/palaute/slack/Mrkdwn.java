package fi.palaute.slack;

/**
 * Slack mrkdwn text rules. Only {@code &}, {@code <} and {@code >} must be escaped: they are how Slack
 * marks links and mentions, so a customer comment containing {@code <!channel>} would otherwise ping a
 * whole channel. Cutting never splits an escape or a surrogate pair.
 */
public final class Mrkdwn {
    private static final String ELLIPSIS = "…";

    private Mrkdwn() {}

    /** Escapes user text and cuts it so the escaped form, ellipsis included, is at most {@code max} characters. */
    public static String escape(String text, int max) {
        if (text == null) return "";
        String full = escapeAll(text);
        if (full.length() <= max) return full;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String piece = escapeAll(new String(Character.toChars(cp)));
            if (out.length() + piece.length() > max - ELLIPSIS.length()) break;
            out.append(piece);
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    private static String escapeAll(String text) {
        return text.replace("\r", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String escape(String text) {
        return escape(text, Integer.MAX_VALUE);
    }

    /** Cuts plain text (a header) to {@code max} characters. */
    public static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * Cuts already-escaped mrkdwn to {@code max} characters at a line break where possible, and never
     * inside an {@code &…;} escape or a {@code <link|label>}.
     */
    public static String cutMarkup(String markup, int max) {
        if (markup.length() <= max) return markup;
        int end = max - ELLIPSIS.length();
        int nl = markup.lastIndexOf('\n', end - 1);
        if (nl > max / 2) return markup.substring(0, nl) + "\n" + ELLIPSIS;
        int amp = markup.lastIndexOf('&', end);
        if (amp >= 0 && markup.indexOf(';', amp) >= end) end = amp;
        int lt = markup.lastIndexOf('<', end);
        if (lt >= 0 && markup.indexOf('>', lt) >= end) end = lt;
        if (end > 0 && Character.isHighSurrogate(markup.charAt(end - 1))) end--;
        return markup.substring(0, end) + ELLIPSIS;
    }

    /** A link {@code <url|label>}; characters that would end the link early are percent-encoded. */
    public static String link(String url, String label) {
        if (url == null || url.isBlank() || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return escape(label);
        }
        String safe = url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20");
        return "<" + safe + "|" + escape(label).replace("|", "¦") + ">";
    }
}
