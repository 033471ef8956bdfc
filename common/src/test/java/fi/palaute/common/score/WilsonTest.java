package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Wilson interval, written with counts s of n and z = 1.959963984540054 (z² = 3.841459):
 * centre = (s + z²/2) / (n + z²), half width = z·√(s(n−s)/n + z²/4) / (n + z²).
 */
class WilsonTest {

    @Test
    void sixtyOfHundredIsFiftyPointTwoToSixtyNinePointOne() {
        // centre = (60 + 1.920730) / 103.841459 = 0.596301
        // half   = 1.959964 · √(60·40/100 + 0.960365) / 103.841459
        //        = 1.959964 · √24.960365 / 103.841459 = 1.959964 · 4.996035 / 103.841459 = 0.094298
        // → [0.502003, 0.690599]
        Interval interval = Wilson.interval(60, 100);
        assertEquals(0.502003, interval.low(), 1e-6);
        assertEquals(0.690599, interval.high(), 1e-6);
    }

    @Test
    void allSuccessesReachOneAndTheLowerBoundIsNOverNPlusZSquared() {
        // s = n: centre ± half = (n + z²/2 ± z²/2) / (n + z²), so [n/(n + z²), 1]; 10/13.841459 = 0.722467
        Interval interval = Wilson.interval(10, 10);
        assertEquals(10 / (10 + Wilson.Z95 * Wilson.Z95), interval.low(), 1e-12);
        assertEquals(0.722467, interval.low(), 1e-6);
        assertEquals(1.0, interval.high());
    }

    @Test
    void noSuccessesStartAtZero() {
        // mirror of the case above: [0, z²/(1 + z²)] = [0, 3.841459/4.841459] = [0, 0.793451]
        Interval interval = Wilson.interval(0, 1);
        assertEquals(0.0, interval.low());
        assertEquals(0.793451, interval.high(), 1e-6);
    }

    @Test
    void oneAnswerStillGivesAWideInterval() {
        // 1 of 1: [1/4.841459, 1] = [0.206549, 1]
        Interval interval = Wilson.interval(1, 1);
        assertEquals(0.206549, interval.low(), 1e-6);
        assertEquals(1.0, interval.high());
    }

    @Test
    void noAnswersGiveNoInterval() {
        assertNull(Wilson.interval(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Wilson.lowerBound(0, 0));
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(6, 5));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 5));
    }

    @Test
    void fortyEightOfFiftyHasAHigherLowerBoundThanFiveOfFive() {
        // 5/5:   5/(5 + 3.841459) = 0.565518
        // 48/50: centre = 49.920730/53.841459 = 0.927180; half = 1.959964·√(48·2/50 + 0.960365)/53.841459
        //        = 1.959964 · √2.880365 / 53.841459 = 1.959964 · 1.697164 / 53.841459 = 0.061781
        //        → 0.927180 − 0.061781 = 0.865399
        assertEquals(0.565518, Wilson.lowerBound(5, 5), 1e-6);
        assertEquals(0.865399, Wilson.lowerBound(48, 50), 1e-6);
    }
}
