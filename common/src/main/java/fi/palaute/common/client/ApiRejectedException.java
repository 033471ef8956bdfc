package fi.palaute.common.client;

import fi.palaute.common.job.PermanentFailureException;

/** The vendor refused the call (401, 403, 404, 422 …); retrying will not help. Carries the vendor's own words. */
public final class ApiRejectedException extends PermanentFailureException {
    private final int status;
    private final String vendorMessage;

    public ApiRejectedException(String vendor, String method, String path, int status, String vendorMessage) {
        super(vendor + " " + method + " " + path + " answered " + status + ": " + vendorMessage);
        this.status = status;
        this.vendorMessage = vendorMessage;
    }

    public int status() { return status; }

    public String vendorMessage() { return vendorMessage; }
}
