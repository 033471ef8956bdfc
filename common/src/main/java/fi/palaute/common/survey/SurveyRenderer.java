package fi.palaute.common.survey;

import static fi.palaute.common.survey.HtmlText.escape;

import fi.palaute.common.score.Metric;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The survey as it goes into the ticket reply: one link per score. The helpdesk wraps
 * it in its own mail layout, so the markup is a compact fragment, styled inline only
 * (Gmail and Outlook drop or ignore style blocks and classes), without scripts; the one image is the
 * optional brand logo, with the company name as its alt text for mail clients that block images.
 */
public final class SurveyRenderer {

    private static final String TEXT = "font-family:Arial,Helvetica,sans-serif;color:#1f2328;";
    private static final String MUTED = "font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:16px;color:#57606a;";

    private final Branding branding;

    public SurveyRenderer() {
        this(Branding.NONE);
    }

    public SurveyRenderer(Branding branding) {
        this.branding = branding;
    }

    /**
     * HTML for the reply body.
     *
     * @param template    the survey, not yet personalised
     * @param company     fills {@code {company}} in the wording
     * @param scoreUrl    absolute rating link for a score, e.g. {@code https://cx.example.com/r/TOKEN?score=4}
     * @param honeypotUrl absolute link hidden from people; a fetch of it marks the answer as automated
     */
    public String html(SurveyTemplate template, String company, IntFunction<String> scoreUrl, String honeypotUrl) {
        return html(template, company, Optional.empty(), scoreUrl, honeypotUrl);
    }

    /**
     * HTML for the reply body, opening with the company (when PALAUTE_COMPANY names it) and which request
     * the survey is about.
     *
     * @param about the ticket's number and title; empty leaves the line out
     */
    public String html(SurveyTemplate template, String company, Optional<RequestContext> about,
                       IntFunction<String> scoreUrl, String honeypotUrl) {
        SurveyTemplate survey = template.personalised(company);
        Metric metric = survey.metric();
        int scores = metric.max() - metric.min() + 1;
        // Eleven NPS cells must still fit a phone held upright (about 360px).
        int cellWidth = scores > 7 ? 28 : 36;

        StringBuilder html = new StringBuilder(4096);
        html.append("<div lang=\"").append(escape(survey.locale())).append("\" style=\"").append(TEXT)
                .append("font-size:15px;line-height:21px;\">\n");
        branding.logoUrl().ifPresent(logo -> html.append("<img src=\"").append(escape(logo.toString()))
                .append("\" alt=\"").append(escape(survey.company())).append("\" height=\"32\" ")
                .append("style=\"display:block;height:32px;width:auto;max-width:240px;border:0;margin:0 0 8px 0;\">\n"));
        // The brand colour as a rule above the text: the score links keep their own readable colours.
        // A short bar, not a full-width line: on a wide screen the survey is narrow and a long rule outweighs it.
        branding.color().ifPresent(color -> html.append("<div style=\"width:48px;height:4px;line-height:4px;font-size:0;")
                .append("margin:0 0 10px 0;background:").append(color).append(";\">&nbsp;</div>\n"));
        // A configured name (not a language's stand-in such as "our support team"), unless the logo shows it.
        if (company != null && !company.isBlank() && branding.logoUrl().isEmpty()) {
            html.append("<p style=\"margin:0 0 2px 0;").append(MUTED).append("font-weight:bold;\">")
                    .append(escape(company.strip())).append("</p>\n");
        }
        about.ifPresent(a -> html.append("<p style=\"margin:0 0 10px 0;").append(MUTED).append("\">")
                .append(escape(a.line(survey.locale()))).append("</p>\n"));
        html.append("<p style=\"margin:0 0 4px 0;font-weight:bold;\">").append(escape(survey.subject())).append("</p>\n");
        html.append("<p style=\"margin:0 0 8px 0;\">").append(escape(survey.question())).append("</p>\n");
        html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"4\" border=\"0\" ")
                .append("style=\"border-collapse:separate;margin:0 0 0 -4px;\">\n<tr>\n");
        for (int score = metric.min(); score <= metric.max(); score++) {
            html.append("<td align=\"center\" width=\"").append(cellWidth).append("\" bgcolor=\"#f6f8fa\" style=\"width:")
                    .append(cellWidth).append("px;border:1px solid #8c959f;border-radius:4px;\">")
                    .append("<a href=\"").append(escape(absoluteUrl(scoreUrl.apply(score), "score link " + score)))
                    .append("\" style=\"display:block;padding:8px 0;font-family:Arial,Helvetica,sans-serif;")
                    .append("font-size:15px;font-weight:bold;color:#0550ae;text-decoration:none;\">")
                    .append(score).append("</a></td>\n");
        }
        html.append("</tr>\n<tr>\n");
        // Each end label spans half the row so that long labels sit under their end of the scale.
        int half = scores / 2;
        html.append("<td colspan=\"").append(half).append("\" align=\"left\" valign=\"top\" style=\"").append(MUTED)
                .append("\">").append(escape(survey.lowLabel())).append("</td>\n");
        if (scores % 2 == 1) {
            html.append("<td></td>\n");
        }
        html.append("<td colspan=\"").append(half).append("\" align=\"right\" valign=\"top\" style=\"").append(MUTED)
                .append("\">").append(escape(survey.highLabel())).append("</td>\n");
        html.append("</tr>\n</table>\n");
        html.append("<p style=\"margin:6px 0 0 0;").append(MUTED).append("\">")
                .append(escape(survey.commentHint())).append("</p>\n");
        // People never see this link; mail scanners follow every link, which is how we tell them apart.
        html.append("<div style=\"display:none;mso-hide:all;max-height:0;overflow:hidden;font-size:0;line-height:0;\">")
                .append("<a href=\"").append(escape(absoluteUrl(honeypotUrl, "honeypot link")))
                .append("\" tabindex=\"-1\" aria-hidden=\"true\" style=\"display:none;mso-hide:all;\">&#8203;</a></div>\n");
        html.append("</div>\n");
        return html.toString();
    }

    /**
     * The short plain-text form, for channels that cannot show HTML (a chat or messaging conversation
     * strips tables and styles): the question, the prompt and one line per score with its link. It has
     * no honeypot because a plain-text link cannot be hidden from the reader. It names no request: it is
 * posted into the very conversation it asks about.
     */
    public String text(SurveyTemplate template, String company, IntFunction<String> scoreUrl) {
        SurveyTemplate survey = template.personalised(company);
        Metric metric = survey.metric();
        StringBuilder text = new StringBuilder(1024);
        text.append(survey.question()).append('\n');
        if (survey.textPrompt() != null) text.append(survey.textPrompt()).append('\n');
        for (int score = metric.min(); score <= metric.max(); score++) {
            text.append(score);
            if (score == metric.min()) {
                text.append(" (").append(survey.lowLabel()).append(')');
            } else if (score == metric.max()) {
                text.append(" (").append(survey.highLabel()).append(')');
            }
            text.append(": ").append(absoluteUrl(scoreUrl.apply(score), "score link " + score)).append('\n');
        }
        return text.toString();
    }

    /** Links leave our hands in a mail, so only absolute web links are accepted (never javascript: or relative ones). */
    private static String absoluteUrl(String url, String what) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL, got \"" + url + "\"");
        }
        return url;
    }
}
