package fi.palaute.common.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToIntFunction;

/**
 * What a vendor storm did, counted from what the fake vendor received: tickets surveyed never or twice,
 * and vendor calls per ticket against the minimum a ticket needs. A failure may cost one more run of
 * the job (the failed call, the reads again and one look-up for a reply that may have landed), and a
 * second delivery one ticket view at most; a ticket that cost more is listed as overspent.
 *
 * @param faultLines one line per ticket with a fault: what was injected, and what it cost
 */
public record StormTally(int calls, int minimumCalls, long lost, long twice, List<String> overspent,
                         List<String> faultLines) {

    /**
     * @param replies      surveys the fake saw posted, per ticket
     * @param faults       what was injected per ticket, in words
     * @param injected     how many failed calls were injected per ticket
     * @param minimum      the calls one ticket needs when nothing fails
     * @param callsFor     the calls the fake received for a ticket
     * @param deliveredTwice which tickets the helpdesk delivered twice
     */
    public static StormTally count(List<Long> delivered, Map<Long, Integer> replies, Map<Long, String> faults,
                                   Map<Long, Integer> injected, int minimum, ToIntFunction<Long> callsFor,
                                   LongPredicate deliveredTwice) {
        int total = 0;
        List<String> lines = new ArrayList<>();
        List<String> overspent = new ArrayList<>();
        for (long t : delivered) {
            int c = callsFor.applyAsInt(t);
            total += c;
            if (faults.containsKey(t)) lines.add("ticket " + t + " (" + faults.get(t) + "): " + c + " calls / " + minimum);
            int allowed = minimum + injected.getOrDefault(t, 0) * (minimum + 1) + (deliveredTwice.test(t) ? 1 : 0);
            if (c > allowed) overspent.add("ticket " + t + ": " + c + " calls, at most " + allowed);
        }
        long lost = delivered.stream().filter(t -> !replies.containsKey(t)).count();
        long twice = replies.values().stream().filter(n -> n > 1).count();
        return new StormTally(total, minimum * delivered.size(), lost, twice, List.copyOf(overspent), List.copyOf(lines));
    }
}
