package fi.palaute.common.survey;

import static fi.palaute.common.survey.HtmlText.escape;

import fi.palaute.common.score.Metric;

/**
 * The page behind a survey link: the form, the thank-you and the two error pages.
 * Self-contained (inline style, no scripts; the one outside asset is an optional logo from an https origin
 * the page's Content-Security-Policy names) so it renders the same from any network and gives mail
 * scanners nothing to run.
 */
public final class RatingPage {

    /** Comments longer than this are refused; the form says so with maxlength. */
    public static final int COMMENT_MAX_LENGTH = 2000;

    /** Name of the hidden text field that only bots fill in. */
    public static final String HONEYPOT_FIELD = "website";

    /** Id of the "choose a score" message, referenced by the score group it belongs to. */
    static final String SCORE_ERROR_ID = "score-error";

    /** Palaute's own blue, for buttons and the chosen score when no brand colour is set. */
    private static final String BLUE = "#0969da";

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;background:#f4f5f7;color:#1f2328;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            main{max-width:36rem;margin:0 auto;padding:1.5rem 1rem}
            .card{background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
            .brand{margin:0 0 .5rem;color:#57606a;font-size:.9rem}
            .logo{display:block;height:40px;width:auto;max-width:100%;margin:0 0 1rem;object-fit:contain;object-position:left}
            a{color:{link}}
            h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}
            p{margin:0 0 .75rem}
            fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
            legend{font-weight:600;font-size:1.1rem;margin:0 0 .75rem;padding:0}
            .scale-block{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 1rem}
            .scale{grid-column:1/-1;grid-row:1;display:grid;gap:.375rem}
            .scale-5{grid-template-columns:repeat(5,minmax(0,1fr))}
            .scale-7{grid-template-columns:repeat(7,minmax(0,1fr))}
            .scale-11{grid-template-columns:repeat(11,minmax(0,1fr))}
            .end{grid-row:2;font-size:.875rem;color:#57606a}
            .end-high{grid-column:2;text-align:right}
            .option{position:relative}
            .option input{position:absolute;top:0;left:0;width:1px;height:1px;margin:0;opacity:0}
            .option label{display:flex;align-items:center;justify-content:center;min-height:3rem;border:2px solid #8c959f;border-radius:8px;background:#fff;font-weight:600;cursor:pointer}
            .option input:checked+label{background:{accent};border-color:{edge};color:{onAccent}}
            .option input:focus-visible+label{outline:3px solid #bf8700;outline-offset:2px}
            .comment-label{display:block;font-weight:600;margin-bottom:.5rem}
            textarea{display:block;width:100%;min-height:7rem;padding:.75rem;font:inherit;border:2px solid #8c959f;border-radius:8px;resize:vertical}
            textarea:focus{outline:3px solid #bf8700;outline-offset:1px}
            button{display:block;width:100%;min-height:3rem;margin-top:1.5rem;border:2px solid {edge};border-radius:8px;background:{accent};color:{onAccent};font:inherit;font-weight:600;cursor:pointer}
            button:focus-visible{outline:3px solid #bf8700;outline-offset:2px}
            .alert{border-left:4px solid #cf222e;background:#ffebe9;padding:.5rem .75rem}
            .notice{border-left:4px solid {accent};background:#ddf4ff;padding:.5rem .75rem}
            .hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
            @media (max-width:37.5rem){
            main{padding:1rem .5rem}
            .card{padding:1.25rem 1rem}
            .scale{gap:.3rem}
            .scale-7{grid-template-columns:repeat(4,minmax(0,1fr))}
            .scale-11{grid-template-columns:repeat(6,minmax(0,1fr))}
            .scale-7 .option:nth-child(5),.scale-11 .option:nth-child(7){grid-column-start:2}
            .two-rows .end-low{grid-row:1}
            .two-rows .scale{grid-row:2}
            .two-rows .end-high{grid-row:3}
            }
            @media (forced-colors:active){.option input:checked+label{outline:3px solid CanvasText}}
            """;

    private final Branding branding;
    private final String style;

    public RatingPage() {
        this(Branding.NONE);
    }

    public RatingPage(Branding branding) {
        this.branding = branding;
        this.style = STYLE.replace("{accent}", branding.accent(BLUE)).replace("{onAccent}", branding.onAccent("#fff"))
                .replace("{edge}", branding.edgeOnWhite(BLUE))
                .replace("{link}", branding.textOnWhite(BLUE));
    }

    /** The form: question, scale with the link's score pre-selected, optional comment, confirm button. */
    public String form(SurveyTemplate template, String company, RatingForm form) {
        return form(template, company, form, java.util.Optional.empty());
    }

    /** The form again for a survey already answered: the earlier answer is named above the question. */
    public String form(SurveyTemplate template, String company, RatingForm form, java.util.Optional<AnswerNotice> earlier) {
        SurveyTemplate survey = template.personalised(company);
        Metric metric = survey.metric();
        int scores = metric.max() - metric.min() + 1;
        int selected = form.score().isPresent() && metric.accepts(form.score().getAsInt())
                ? form.score().getAsInt()
                : Integer.MIN_VALUE;

        StringBuilder body = new StringBuilder(4096);
        body.append("<h1>").append(escape(survey.subject())).append("</h1>\n");
        earlier.ifPresent(n -> body.append("<p class=\"notice\">").append(escape(n.changeable(survey.locale())))
                .append("</p>\n"));
        boolean invalid = form.askToChooseScore();
        if (invalid) {
            body.append("<p class=\"alert\" role=\"alert\" id=\"").append(SCORE_ERROR_ID).append("\">")
                    .append(escape(survey.chooseScore())).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"").append(escape(form.actionPath())).append("\">\n");
        // The error names the score group, so a screen reader announces it with the group and each radio.
        body.append(invalid ? "<fieldset aria-describedby=\"" + SCORE_ERROR_ID + "\">\n" : "<fieldset>\n");
        body.append("<legend>").append(escape(survey.question())).append("</legend>\n");
        // Narrow screens put a long scale in two rows, the low end label above its first button and the
        // high one below its last, so every button stays at least 40 px wide (see the CSS).
        boolean twoRowsOnPhones = scores > 5;
        body.append("<div class=\"scale-block").append(twoRowsOnPhones ? " two-rows" : "").append("\">\n");
        body.append("<div class=\"scale scale-").append(scores).append("\">\n");
        for (int score = metric.min(); score <= metric.max(); score++) {
            String id = "score-" + score;
            body.append("<div class=\"option\"><input type=\"radio\" name=\"score\" id=\"").append(id)
                    .append("\" value=\"").append(score).append("\" required");
            String describedBy = score == metric.min() ? "low-label" : score == metric.max() ? "high-label" : "";
            if (invalid) {
                describedBy = (describedBy + " " + SCORE_ERROR_ID).strip();
                body.append(" aria-invalid=\"true\"");
            }
            if (!describedBy.isEmpty()) {
                body.append(" aria-describedby=\"").append(describedBy).append("\"");
            }
            if (score == selected) {
                body.append(" checked");
            }
            body.append("><label for=\"").append(id).append("\">").append(score).append("</label></div>\n");
        }
        body.append("</div>\n<span class=\"end end-low\"><span id=\"low-label\">").append(escape(survey.lowLabel()))
                .append("</span></span><span class=\"end end-high\"><span id=\"high-label\">")
                .append(escape(survey.highLabel())).append("</span></span>\n</div>\n");
        body.append("</fieldset>\n");
        body.append("<label class=\"comment-label\" for=\"comment\">").append(escape(survey.commentPrompt()))
                .append("</label>\n<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"")
                .append(COMMENT_MAX_LENGTH).append("\">").append(escape(form.comment())).append("</textarea>\n");
        body.append("<input type=\"hidden\" name=\"nonce\" value=\"").append(escape(form.nonce())).append("\">\n");
        // Bots fill every text field; people never see or reach this one.
        body.append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"").append(HONEYPOT_FIELD)
                .append("\">Website</label><input type=\"text\" id=\"").append(HONEYPOT_FIELD).append("\" name=\"")
                .append(HONEYPOT_FIELD).append("\" value=\"\" tabindex=\"-1\" autocomplete=\"off\" aria-hidden=\"true\"></div>\n");
        body.append("<button type=\"submit\">").append(escape(survey.confirmButton())).append("</button>\n");
        body.append("</form>\n");
        return page(survey, body);
    }

    /** After the answer was recorded. */
    public String thankYou(SurveyTemplate template, String company) {
        SurveyTemplate survey = template.personalised(company);
        String body = "<h1>" + escape(survey.thankYou()) + "</h1>\n"
                + "<p>" + escape(survey.answerRecorded()) + "</p>\n"
                + "<p>" + escape(survey.changeAnswerHint()) + "</p>\n";
        return page(survey, body);
    }

    /**
     * The page an answer redirects to (and that reload or back shows again): thanks, and a link back to
     * the form while the survey still takes changes.
     *
     * @param changePath the form's path, or empty when the survey takes no more changes
     */
    public String thankYou(SurveyTemplate template, String company, java.util.Optional<String> changePath) {
        SurveyTemplate survey = template.personalised(company);
        StringBuilder body = new StringBuilder("<h1>").append(escape(survey.thankYou())).append("</h1>\n")
                .append("<p>").append(escape(survey.answerRecorded())).append("</p>\n");
        changePath.ifPresent(path -> body.append("<p>").append(escape(survey.changeAnswerHint())).append("</p>\n")
                .append("<p><a href=\"").append(escape(path)).append("\">")
                .append(escape(AnswerNotice.changeLink(survey.locale()))).append("</a></p>\n"));
        return page(survey, body);
    }

    /** Instead of the form, for a survey that has taken its last change. */
    public String noMoreChanges(SurveyTemplate template, String company, AnswerNotice answer) {
        SurveyTemplate survey = template.personalised(company);
        return page(survey, "<h1>" + escape(survey.thankYou()) + "</h1>\n<p>"
                + escape(answer.noMoreChanges(survey.locale())) + "</p>\n");
    }

    /** For a forged, altered or unknown link; says nothing about why, and what the customer can do instead. */
    public String invalidLink(SurveyTemplate template, String company) {
        SurveyTemplate survey = template.personalised(company);
        return page(survey, survey.subject(), deadEnd(DeadEndText.of(survey.locale()).invalidTitle(), survey.invalidLink(),
                survey.locale()));
    }

    /** For a genuine link whose survey has closed, and what the customer can do instead. */
    public String expiredLink(SurveyTemplate template, String company) {
        SurveyTemplate survey = template.personalised(company);
        return page(survey, survey.subject(), deadEnd(DeadEndText.of(survey.locale()).expiredTitle(), survey.expiredLink(),
                survey.locale()));
    }

    /** For a browser at the site's root or at /r/ without a token: what this site is and where surveys start. */
    public String landing(SurveyTemplate template, String company) {
        SurveyTemplate survey = template.personalised(company);
        DeadEndText text = DeadEndText.of(survey.locale());
        return page(survey, text.landingTitle(), "<h1>" + escape(text.landingTitle()) + "</h1>\n<p>" + escape(text.landing())
                + "</p>\n");
    }

    private String masthead(SurveyTemplate survey) {
        String name = survey.company();
        if (branding.logoUrl().isPresent()) {
            // The logo carries the name; its alt text says it to a screen reader or when the image is blocked.
            return "<img class=\"logo\" src=\"" + escape(branding.logoUrl().get().toString()) + "\" alt=\""
                    + escape(name == null ? "" : name) + "\" height=\"40\">\n";
        }
        return name == null ? "" : "<p class=\"brand\">" + escape(name) + "</p>\n";
    }

    private static String deadEnd(String title, String whatHappened, String locale) {
        return "<h1>" + escape(title) + "</h1>\n<p>" + escape(whatHappened) + "</p>\n<p>"
                + escape(DeadEndText.of(locale).whatToDo()) + "</p>\n";
    }

    private String page(SurveyTemplate survey, CharSequence body) {
        return page(survey, survey.subject(), body);
    }

    private String page(SurveyTemplate survey, String title, CharSequence body) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"" + escape(survey.locale()) + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                // Rating links carry a token; keep the page out of search results and its URL out of referrers.
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + (survey.company() == null ? "" : " – " + escape(survey.company()))
                + "</title>\n"
                + "<style>\n" + style + "</style>\n"
                + "</head>\n"
                + "<body>\n<main>\n<div class=\"card\">\n"
                + masthead(survey)
                + body
                + "</div>\n</main>\n</body>\n</html>\n";
    }
}
