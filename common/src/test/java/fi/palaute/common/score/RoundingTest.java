package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void roundsHalfUpOnTheDigitsAReaderSees() {
        assertEquals(83.3, Rounding.toDecimals(250.0 / 3, 1));
        assertEquals(0.1, Rounding.toDecimals(0.05, 1));
        assertEquals(2.68, Rounding.toDecimals(2.675, 2));
        assertEquals(-0.2, Rounding.toDecimals(-0.15, 1));
    }

    @Test
    void tinyNegativesBecomePlainZero() {
        // −0.0 would print as "-0.0" in JSON.
        assertEquals("0.0", Double.toString(Rounding.toDecimals(-0.04, 1)));
    }

    @Test
    void nullStaysNull() {
        assertNull(Rounding.toDecimals((Double) null, 1));
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Rounding.toDecimals(Double.NaN, 1));
    }
}
