package fi.palaute.common.survey;

/** Escaping for text placed into HTML element content or quoted attribute values. */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes the five characters that can end an element or a quoted attribute, so
     * that any text (a company name, a customer's comment, a URL) is shown literally.
     * Null becomes the empty string because a missing value should render as nothing.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
