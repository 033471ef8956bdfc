package fi.palaute.common.client;

import fi.palaute.common.job.PermanentFailureException;

/**
 * The thrown form of a refusal ({@link CallResult.Dead}, or a business outcome the caller had no use for):
 * retrying will not help, and the job goes dead with the vendor's own words.
 */
public final class ApiRejectedException extends PermanentFailureException {
    private final VendorRefusal refusal;

    public ApiRejectedException(VendorRefusal refusal) {
        super(refusal.describe());
        this.refusal = refusal;
    }

    public ApiRejectedException(String vendor, String method, String path, int status, String vendorMessage) {
        this(new VendorRefusal(vendor, method, path, status, vendorMessage, null));
    }

    public VendorRefusal refusal() { return refusal; }

    public int status() { return refusal.status(); }

    public String vendorMessage() { return refusal.vendorMessage(); }
}
