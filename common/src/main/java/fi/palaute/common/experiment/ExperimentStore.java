package fi.palaute.common.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiments table: the survey connectors write the validated PALAUTE_EXPERIMENTS file at start-up,
 * and every service reads it from here (the Slack connector and the dashboard have no file).
 */
public final class ExperimentStore {
    private final Database db;
    private final ObjectMapper json = new ObjectMapper();

    public ExperimentStore(Database db) {
        this.db = db;
    }

    /** Records each experiment, replacing an earlier definition with the same id. */
    public void save(Experiments experiments, Clock clock) {
        long now = clock.millis();
        db.run(tx -> {
            for (Experiment e : experiments.all()) {
                tx.update("""
                        INSERT INTO experiments (id, start_at, end_at, arms, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, end_at = excluded.end_at,
                            arms = excluded.arms, updated_at = excluded.updated_at""",
                        e.id(), e.start().toEpochMilli(), e.end().map(Instant::toEpochMilli).orElse(null),
                        armsJson(e.arms()), now);
            }
        });
    }

    /** Every experiment recorded, newest start first. */
    public List<Experiment> all() {
        return db.read(tx -> tx.query("SELECT id, start_at, end_at, arms FROM experiments ORDER BY start_at DESC, id",
                rs -> new Experiment(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("start_at")),
                        Optional.ofNullable(rs.getObject("end_at")).map(v -> Instant.ofEpochMilli(((Number) v).longValue())),
                        arms(rs.getString("arms")))));
    }

    private String armsJson(List<Arm> arms) {
        ArrayNode list = json.createArrayNode();
        for (Arm arm : arms) {
            ObjectNode a = list.addObject().put("id", arm.id()).put("survey", arm.survey()).put("metric", arm.metric().id())
                    .put("weight", arm.weight());
            arm.sendDelay().ifPresent(d -> a.put("send_delay", d.toString()));
        }
        return list.toString();
    }

    private List<Arm> arms(String text) {
        try {
            List<Arm> arms = new ArrayList<>();
            for (JsonNode a : json.readTree(text)) {
                arms.add(new Arm(a.path("id").asText(), a.path("survey").asText(), Metric.fromId(a.path("metric").asText()),
                        a.hasNonNull("send_delay") ? Optional.of(Duration.parse(a.get("send_delay").asText()))
                                : Optional.empty(), a.path("weight").asDouble(1)));
            }
            return arms;
        } catch (IOException e) {
            throw new StoreException("experiments.arms is not the JSON this version writes", e);
        }
    }
}
