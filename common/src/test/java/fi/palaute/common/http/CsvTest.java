package fi.palaute.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void formulaLikeValuesAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\"", Csv.field("=HYPERLINK(\"http://evil\")"));
        assertEquals("\"'+1\"", Csv.field("+1"));
        assertEquals("\"'-2\"", Csv.field("-2"));
        assertEquals("\"'@SUM(A1)\"", Csv.field("@SUM(A1)"));
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() {
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("plain 😀 text", Csv.field("plain 😀 text"));
        assertEquals("", Csv.field(null));
    }
}
