package fi.palaute.common.survey;

import fi.palaute.common.link.LinkSigner;
import java.net.URI;

/** Builds the survey reply for one survey: rating links signed for it, in the template's language. */
public final class SurveyComposer {
    private final URI publicUrl;
    private final LinkSigner signer;
    private final String company;
    private final SurveyRenderer renderer;

    public SurveyComposer(URI publicUrl, LinkSigner signer, String company) {
        this(publicUrl, signer, company, Branding.NONE);
    }

    public SurveyComposer(URI publicUrl, LinkSigner signer, String company, Branding branding) {
        this.publicUrl = publicUrl;
        this.signer = signer;
        this.company = company;
        this.renderer = new SurveyRenderer(branding);
    }

    public SurveyMessage compose(long surveyId, SurveyTemplate template) {
        return compose(surveyId, template, SurveyFormat.HTML);
    }

    public SurveyMessage compose(long surveyId, SurveyTemplate template, SurveyFormat format) {
        return compose(surveyId, template, format, java.util.Optional.empty());
    }

    /** @param about the ticket the survey asks about, named at the top of the reply */
    public SurveyMessage compose(long surveyId, SurveyTemplate template, SurveyFormat format,
                                 java.util.Optional<RequestContext> about) {
        String token = signer.token(surveyId);
        String base = publicUrl + "/r/" + token;
        String html = renderer.html(template, company, about, score -> base + "?score=" + score, base + "/hp");
        String text = renderer.text(template, company, score -> base + "?score=" + score);
        return new SurveyMessage(html, text, token, format);
    }
}
