package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummarySplitTest {
    static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void splittingFourWaysInOnePassGivesWhatFourSplitsGive(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRows rows = new SurveyRows(db);
            String[] sources = {"zendesk", "freshdesk"};
            String[] agents = {"Ann", "Bob", null};
            String[] groups = {"Billing", "Tier 2", "Billing", null, "Tier 2"};
            for (int i = 0; i < 30; i++) {
                String source = sources[i % 2];
                String agent = agents[i % 3];
                Instant at = DAY.plus(Duration.ofMinutes(17L * i));
                String group = groups[i % 5];
                long s = rows.sentSurvey(source, "t" + i, "csat", "en", at, agent, group);
                if (i % 4 != 0) rows.answer(s, source, "t" + i, "csat", 1 + i % 5, null, at.plusSeconds(600), i % 7 == 0, agent, group);
                rows.outcome(source, "t" + i, at, i % 3 != 0, i % 2 == 0 ? 60L * i : null, agent);
            }
            SummaryQuery query = new SummaryQuery(db, 2);
            PeriodSummary total = query.summarize(DAY, DAY.plus(Duration.ofDays(1)));
            List<SummaryQuery.By> ways = List.of(SummaryQuery.By.SOURCE, SummaryQuery.By.AGENT, SummaryQuery.By.GROUP,
                    SummaryQuery.By.CHANNEL);
            List<PeriodSummary> each = query.splitEachWay(total, ways, Optional.empty());
            for (int i = 0; i < ways.size(); i++) {
                assertEquals(query.split(total, ways.get(i), Optional.empty()).toJson(), each.get(i).toJson(), "by " + ways.get(i));
            }
            assertEquals(2, each.get(0).groups().size(), "zendesk and freshdesk");
            assertEquals(3, each.get(1).groups().size(), "Ann, Bob and (none)");
            assertEquals(3, each.get(2).groups().size(), "Billing, Tier 2 and (none)");
            assertEquals(1, each.get(3).groups().size(), "no channel recorded: (none)");
        }
    }
}
