package fi.palaute.common.survey;

/** A rendered survey ready to post as a public reply; {@code marker} lets a retry find a reply already posted. */
public record SurveyMessage(String html, String text, String marker) {}
