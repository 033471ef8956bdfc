package fi.palaute.common.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to a value. */
@FunctionalInterface
public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
}
