package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void markupCharactersAreEscaped() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
                HtmlText.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"));
    }

    @Test
    void plainTextAndFinnishLettersAreKept() {
        assertEquals("Kiitos palautteestasi! Äö", HtmlText.escape("Kiitos palautteestasi! Äö"));
    }

    @Test
    void nullBecomesEmpty() {
        assertEquals("", HtmlText.escape(null));
    }
}
