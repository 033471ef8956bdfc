package fi.palaute.common.job;

/**
 * Does one job. Returning completes it; {@link RetryLaterException} and other exceptions retry it with
 * backoff; {@link PermanentFailureException} parks it as dead. Handlers must be idempotent: a job whose
 * worker died mid-run is run again after its lease expires.
 */
@FunctionalInterface
public interface JobHandler {
    void handle(Job job) throws Exception;
}
