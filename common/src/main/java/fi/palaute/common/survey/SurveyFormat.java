package fi.palaute.common.survey;

/** How a survey is posted: the HTML e-mail form, or the short plain-text form for chat and messaging channels. */
public enum SurveyFormat {
    HTML, TEXT
}
