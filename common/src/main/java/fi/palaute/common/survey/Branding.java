package fi.palaute.common.survey;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The company's look on the rating pages and in the survey e-mail: a brand colour and a logo, both
 * optional (PALAUTE_BRAND_COLOR, PALAUTE_LOGO_URL). Text drawn on the brand colour is white or near-black,
 * whichever reads better on it, so a pale brand colour never gets white text.
 *
 * @param color   {@code #rrggbb}, lower case; empty keeps Palaute's own blue
 * @param logoUrl an https image URL; empty shows the company name as text
 */
public record Branding(Optional<String> color, Optional<URI> logoUrl) {
    public static final Branding NONE = new Branding(Optional.empty(), Optional.empty());

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String WHITE = "#ffffff";
    private static final String INK = "#1f2328";
    /** WCAG AA for normal text: below it a colour is not used for text on white. */
    private static final double READABLE_ON_WHITE = 4.5;
    /** WCAG AA for the edges of controls. */
    private static final double CONTROL_ON_WHITE = 3.0;

    public Branding {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(logoUrl, "logoUrl");
        color = color.map(c -> {
            if (!COLOR.matcher(c).matches()) throw new IllegalArgumentException("brand colour must be #rrggbb: " + c);
            return c.toLowerCase(Locale.ROOT);
        });
        logoUrl.ifPresent(u -> {
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("logo URL must be an absolute https URL");
            }
        });
    }

    public static Branding of(String color, String logoUrl) {
        return new Branding(Optional.ofNullable(color), Optional.ofNullable(logoUrl).map(URI::create));
    }

    /** The logo's origin ({@code https://host[:port]}), the one extra place a page may load an image from. */
    public Optional<String> logoOrigin() {
        return logoUrl.map(u -> u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                + (u.getPort() == -1 ? "" : ":" + u.getPort()));
    }

    /** Background of buttons and the chosen score. */
    public String accent(String fallback) {
        return color.orElse(fallback);
    }

    /** Text colour on {@link #accent}: white or ink, whichever contrasts more with the brand colour. */
    public String onAccent(String fallback) {
        return color.map(c -> contrast(c, WHITE) >= contrast(c, INK) ? WHITE : INK).orElse(fallback);
    }

    /** The brand colour for text and borders on white when it is readable there, else {@code fallback}. */
    public String textOnWhite(String fallback) {
        return color.filter(c -> contrast(c, WHITE) >= READABLE_ON_WHITE).orElse(fallback);
    }

    /**
     * The edge of a brand-coloured button on the white card: the colour itself when it stands out from white
     * (3:1, WCAG's figure for controls), else ink, so a pale brand colour still shows where the button is.
     */
    public String edgeOnWhite(String fallback) {
        return color.map(c -> contrast(c, WHITE) >= CONTROL_ON_WHITE ? c : INK).orElse(fallback);
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours, 1 to 21. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
