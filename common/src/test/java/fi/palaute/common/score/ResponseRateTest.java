package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseRateTest {

    @Test
    void fortyOneAnswersToHundredTwentySurveysIsZeroPointThreeFourTwo() {
        // 41/120 = 0.341667 → 0.342 in the admin API
        ResponseRate rate = new ResponseRate(41, 120);
        assertEquals(41.0 / 120, rate.rate(), 1e-12);
        assertEquals(Arrays.asList(120L, 41L, 0.342), List.copyOf(rate.toJson().values()));
        assertEquals(List.of("surveys_sent", "answers", "response_rate"), List.copyOf(rate.toJson().keySet()));
    }

    @Test
    void nothingSentHasNoRate() {
        assertNull(new ResponseRate(0, 0).rate());
        assertNull(new ResponseRate(0, 0).toJson().get("response_rate"));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseRate(-1, 10));
    }
}
