package fi.palaute.common.store;

/** The two supported databases; they differ only where SQL must. */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", ""),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", " FOR UPDATE SKIP LOCKED");

    private final String identityColumn;
    private final String skipLocked;

    Dialect(String identityColumn, String skipLocked) {
        this.identityColumn = identityColumn;
        this.skipLocked = skipLocked;
    }

    /** Column definition of an auto-generated primary key. */
    public String identityColumn() { return identityColumn; }

    /**
     * Suffix that lets concurrent claimers skip rows another transaction holds. SQLite has a single
     * writer, so its claim statement is already exclusive.
     */
    public String skipLocked() { return skipLocked; }

    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite:… or jdbc:postgresql:…)");
    }
}
