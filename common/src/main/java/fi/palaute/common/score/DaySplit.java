package fi.palaute.common.score;

import fi.palaute.common.store.AnswerRollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a summary's buckets (the intervals between consecutive cuts) split into whole UTC days, which the
 * {@code answer_days} rollup counts, and the partial days at their edges, which are read from answers.
 * A bucket shorter than a day, or one that starts and ends inside the same day, is all edge.
 *
 * @param segmentBounds  the starts of consecutive day intervals from the first whole day on, then the
 *                       end of the last: [bounds[i], bounds[i+1]) are days of bucket {@code segmentBuckets[i]}
 * @param segmentBuckets the bucket of each day interval, or {@link #OUTSIDE} for a day that is split
 *                       between buckets (its answers come from the raw intervals)
 * @param rawIntervals   [from, to) in epoch milliseconds, merged where they touch
 */
record DaySplit(List<Long> segmentBounds, List<Integer> segmentBuckets, List<long[]> rawIntervals) {
    /** The bucket of a day that belongs to no bucket whole. */
    static final int OUTSIDE = -1;

    static DaySplit of(List<Instant> cuts) {
        List<Long> bounds = new ArrayList<>();
        List<Integer> buckets = new ArrayList<>();
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            long from = cuts.get(i).toEpochMilli();
            long to = cuts.get(i + 1).toEpochMilli();
            long firstDay = Math.floorDiv(from + AnswerRollup.DAY_MILLIS - 1, AnswerRollup.DAY_MILLIS);
            long endDay = Math.floorDiv(to, AnswerRollup.DAY_MILLIS);
            if (firstDay >= endDay) {
                addRaw(raw, from, to);
                continue;
            }
            addRaw(raw, from, firstDay * AnswerRollup.DAY_MILLIS);
            if (bounds.isEmpty()) {
                bounds.add(firstDay);
            } else if (bounds.get(bounds.size() - 1) < firstDay) {
                // the day split between the previous bucket's whole days and these
                buckets.add(OUTSIDE);
                bounds.add(firstDay);
            }
            buckets.add(i);
            bounds.add(endDay);
            addRaw(raw, endDay * AnswerRollup.DAY_MILLIS, to);
        }
        return new DaySplit(List.copyOf(bounds), List.copyOf(buckets), List.copyOf(raw));
    }

    private static void addRaw(List<long[]> raw, long from, long to) {
        if (from >= to) return;
        if (!raw.isEmpty() && raw.get(raw.size() - 1)[1] == from) {
            raw.get(raw.size() - 1)[1] = to;
        } else {
            raw.add(new long[] {from, to});
        }
    }

    boolean hasWholeDays() {
        return !segmentBuckets.isEmpty();
    }

    long firstDay() {
        return segmentBounds.get(0);
    }

    long endDay() {
        return segmentBounds.get(segmentBounds.size() - 1);
    }
}
