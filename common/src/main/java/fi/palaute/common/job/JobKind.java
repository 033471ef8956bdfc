package fi.palaute.common.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The contract of one kind of job: its name in the queue, the type of its payload and the dedupe key a
 * payload gets. The producer enqueues with {@link #request} and the consumer reads with
 * {@link #payloadOf}, both from the same definition, so neither spells the name or the JSON itself.
 * Payloads are records written as snake_case JSON; times are ISO-8601 strings.
 */
public final class JobKind<P> {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String name;
    private final Class<P> payloadType;
    private final Function<P, String> dedupeKey;

    private JobKind(String name, Class<P> payloadType, Function<P, String> dedupeKey) {
        this.name = Objects.requireNonNull(name, "name");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.dedupeKey = Objects.requireNonNull(dedupeKey, "dedupeKey");
    }

    /** A kind whose jobs may repeat (each is harmless run twice), so it has no dedupe key. */
    public static <P> JobKind<P> of(String name, Class<P> payloadType) {
        return new JobKind<>(name, payloadType, p -> null);
    }

    /**
     * @param dedupeKey the key that makes enqueueing the same work twice a no-op (for example
     *                  {@code alert:<answer id>}): one job, hence one post, per piece of work
     */
    public static <P> JobKind<P> of(String name, Class<P> payloadType, Function<P, String> dedupeKey) {
        return new JobKind<>(name, payloadType, dedupeKey);
    }

    public String name() { return name; }

    /** The job to enqueue for this payload, due at {@code dueAt}, with the payload's dedupe key. */
    public JobRequest request(P payload, Instant dueAt) {
        return JobRequest.of(name, encode(payload), dueAt).withDedupeKey(dedupeKey.apply(payload));
    }

    /** The dedupe key a job of this payload has, or null for a kind without one. */
    public String dedupeKey(P payload) {
        return dedupeKey.apply(payload);
    }

    public String encode(P payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + name + " payload", e);
        }
    }

    /** The job's payload; a payload this kind cannot read parks the job as dead, as no retry can fix it. */
    public P payloadOf(Job job) {
        if (!job.kind().equals(name)) {
            throw new IllegalArgumentException("job " + job.id() + " is a " + job.kind() + ", not a " + name);
        }
        try {
            P payload = JSON.readValue(job.payload(), payloadType);
            if (payload == null) throw new PermanentFailureException(name + " job " + job.id() + " has no payload");
            return payload;
        } catch (JsonProcessingException e) {
            throw new PermanentFailureException(name + " job " + job.id() + " has an unreadable payload: "
                    + e.getOriginalMessage());
        }
    }

    /** Runs jobs of this kind with their payload read. */
    public JobHandler handler(PayloadHandler<P> handler) {
        return job -> handler.handle(job, payloadOf(job));
    }

    /** Does one job of a kind, given its payload; see {@link JobHandler} for how it ends. */
    @FunctionalInterface
    public interface PayloadHandler<P> {
        void handle(Job job, P payload) throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }
}
