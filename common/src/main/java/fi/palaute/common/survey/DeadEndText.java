package fi.palaute.common.survey;

/**
 * What the pages that end a visit say besides the template's sentence: a short heading and what the
 * customer can still do. Kept beside the page rather than in every template, because they do not vary
 * by survey type.
 */
record DeadEndText(String invalidTitle, String expiredTitle, String whatToDo, String landingTitle, String landing) {

    private static final DeadEndText ENGLISH = new DeadEndText(
            "This link does not work",
            "The time to answer has passed",
            "To tell us how we did, or if you still need help, reply to the email about your request.",
            "Customer feedback",
            "This site collects answers to customer surveys. To answer one, open the link in the survey email you received.");

    private static final DeadEndText FINNISH = new DeadEndText(
            "Tämä linkki ei toimi",
            "Vastausaika on päättynyt",
            "Jos haluat kertoa kokemuksestasi tai tarvitset vielä apua, vastaa pyyntöäsi koskevaan sähköpostiin.",
            "Asiakaspalaute",
            "Tällä sivustolla vastataan asiakaskyselyihin. Vastaa avaamalla saamassasi kyselysähköpostissa oleva linkki.");

    static DeadEndText of(String locale) {
        return Language.fromTag(locale).map(Language::code).orElse("en").equals("fi") ? FINNISH : ENGLISH;
    }
}
