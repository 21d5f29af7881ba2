package io.tacit.dialect.postgres;

import io.tacit.jdbc.stats.BulkScan;
import io.tacit.jdbc.stats.FieldSink;
import io.tacit.jdbc.stats.StatsSql;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL scan path: {@code COPY (SELECT ...) TO STDOUT} through PgJDBC's CopyManager, parsed here
 * from the text format straight into the columns. It reads the same rows as the result-set path with one
 * driver array per row instead of one per value. PgJDBC is reached by reflection: connector-core keeps JDBC
 * drivers out of its compile scope. COPY TO is a read and runs in a read-only transaction under the session's
 * statement timeout.
 */
final class PostgresCopy implements BulkScan {
    private final Object copyManager;
    private final Method copyOut;

    private PostgresCopy(Object copyManager, Method copyOut) {
        this.copyManager = copyManager;
        this.copyOut = copyOut;
    }

    /** PgJDBC's methods, looked up once per driver class loader. */
    private record Api(ClassLoader loader, Class<?> pgConnection, Method copyApi, Method copyOut) {
    }

    private static volatile Api api;

    /** The COPY path of a PgJDBC connection; empty for any other connection (or wrapper that hides it). */
    static Optional<PostgresCopy> of(Connection connection) {
        try {
            Api found = api(connection.getClass().getClassLoader());
            if (!connection.isWrapperFor(found.pgConnection())) {
                return Optional.empty();
            }
            Object copyManager = found.copyApi().invoke(connection.unwrap(found.pgConnection()));
            return Optional.of(new PostgresCopy(copyManager, found.copyOut()));
        } catch (ReflectiveOperationException | SQLException | RuntimeException | LinkageError notPgJdbc) {
            return Optional.empty();
        }
    }

    private static Api api(ClassLoader loader) throws ReflectiveOperationException {
        Api cached = api;
        if (cached != null && cached.loader() == loader) {
            return cached;
        }
        Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false, loader);
        Method copyApi = pgConnection.getMethod("getCopyAPI");
        Class<?> copyManager = Class.forName("org.postgresql.copy.CopyManager", false, loader);
        Method copyOut = copyManager.getMethod("copyOut", String.class, OutputStream.class);
        cached = new Api(loader, pgConnection, copyApi, copyOut);
        api = cached;
        return cached;
    }

    /** Runs {@code COPY (select) TO STDOUT} into the sink; the number of rows read. */
    @Override
    public long scan(String select, FieldSink sink) throws SQLException {
        String sql = StatsSql.render(PostgresCopy.class, "profile-copy.sql", Map.of("select", select));
        requireOneStatement(sql);
        RowParser parser = new RowParser(sink);
        try {
            copyOut.invoke(copyManager, sql, parser);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sqlException) {
                throw sqlException;
            }
            if (cause instanceof ParseFailure failure) {
                throw failure.failure;
            }
            if (cause instanceof IOException io) {
                throw new SQLException("reading COPY output failed: " + io.getMessage(), "08006", io);
            }
            throw new SQLException("COPY failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new SQLException("cannot call PgJDBC's CopyManager", e);
        }
        parser.finish();
        return parser.rows();
    }

    /**
     * PgJDBC sends COPY as a simple query, in which the server runs every statement of the text: a name that
     * broke out of its quotes could append {@code ;COMMIT;BEGIN READ WRITE;...}. The COPY tacit builds is
     * quoted identifiers joined by keywords, numbers and punctuation; anything else outside the quotes (a
     * semicolon, a string or dollar quote, a comment, a backslash) means the text is not what was built, and
     * it is refused before it is sent (the table is skipped with a warning, the run goes on).
     */
    static void requireOneStatement(String sql) {
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '"') {
                // inside a quoted identifier a doubled quote is one quote character: toggling twice keeps the state
                quoted = !quoted;
                continue;
            }
            if (quoted) {
                continue;
            }
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == ' ' || c == '\n' || c == '.' || c == ',' || c == '(' || c == ')' || c == '*';
            if (!plain) {
                throw new IllegalArgumentException("refusing to send a COPY whose text has '" + c + "' outside quoted"
                        + " identifiers at offset " + i + ": it might not be one statement");
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("refusing to send a COPY with an unclosed quoted identifier");
        }
    }

    /** A value the columns refused, carried through the driver's OutputStream contract. */
    private static final class ParseFailure extends IOException {
        private final SQLException failure;

        private ParseFailure(SQLException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** Splits COPY text rows (tab-separated, {@code \N} for NULL, backslash escapes) into fields. */
    static final class RowParser extends OutputStream {
        private final FieldSink sink;
        private final int fields;
        private final int[] fieldStart;
        private final int[] fieldEnd;
        private byte[] pending = new byte[0];
        private int pendingLength;
        private byte[] unescaped = new byte[256];
        private long rows;

        RowParser(FieldSink sink) {
            this.sink = sink;
            this.fields = sink.fields();
            this.fieldStart = new int[fields];
            this.fieldEnd = new int[fields];
        }

        long rows() {
            return rows;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            int end = offset + length;
            int position = offset;
            if (pendingLength > 0) {
                int newline = indexOf(buffer, position, end, (byte) '\n');
                int take = (newline < 0 ? end : newline + 1) - position;
                append(buffer, position, take);
                position += take;
                if (newline < 0) {
                    return;
                }
                row(pending, 0, pendingLength - 1);
                pendingLength = 0;
            }
            while (position < end) {
                int newline = indexOf(buffer, position, end, (byte) '\n');
                if (newline < 0) {
                    append(buffer, position, end - position);
                    return;
                }
                row(buffer, position, newline);
                position = newline + 1;
            }
        }

        void finish() throws SQLException {
            if (pendingLength > 0) {
                throw new SQLException("COPY output ended inside a row");
            }
        }

        private void row(byte[] buffer, int start, int end) throws IOException {
            int field = 0;
            int fieldBegin = start;
            for (int i = start; i <= end; i++) {
                if (i == end || buffer[i] == '\t') {
                    if (field == fields) {
                        throw new ParseFailure(new SQLException("COPY row has more fields than the "
                                + fields + " columns asked for"));
                    }
                    fieldStart[field] = fieldBegin;
                    fieldEnd[field] = i;
                    field++;
                    fieldBegin = i + 1;
                }
            }
            if (field != fields) {
                throw new ParseFailure(new SQLException("COPY row has " + field + " fields, expected " + fields));
            }
            rows++;
            try {
                for (int i = 0; i < field; i++) {
                    value(i, buffer, fieldStart[i], fieldEnd[i]);
                }
            } catch (SQLException e) {
                throw new ParseFailure(e);
            }
        }

        private void value(int field, byte[] buffer, int start, int end) throws SQLException {
            if (end - start == 2 && buffer[start] == '\\' && buffer[start + 1] == 'N') {
                sink.acceptNull(field);
                return;
            }
            if (indexOf(buffer, start, end, (byte) '\\') < 0) {
                sink.acceptField(field, buffer, start, end);
            } else {
                int length = unescape(buffer, start, end);
                sink.acceptField(field, unescaped, 0, length);
            }
        }

        /** Decodes COPY's backslash escapes into {@link #unescaped}; its length. */
        private int unescape(byte[] buffer, int start, int end) {
            if (unescaped.length < end - start) {
                unescaped = new byte[Math.max(end - start, unescaped.length * 2)];
            }
            int length = 0;
            int i = start;
            while (i < end) {
                byte b = buffer[i++];
                if (b != '\\' || i == end) {
                    unescaped[length++] = b;
                    continue;
                }
                byte escaped = buffer[i++];
                switch (escaped) {
                    case 'b' -> unescaped[length++] = '\b';
                    case 'f' -> unescaped[length++] = '\f';
                    case 'n' -> unescaped[length++] = '\n';
                    case 'r' -> unescaped[length++] = '\r';
                    case 't' -> unescaped[length++] = '\t';
                    case 'v' -> unescaped[length++] = 0x0B;
                    case 'x' -> {
                        int value = 0;
                        int digits = 0;
                        while (digits < 2 && i < end && Character.digit(buffer[i], 16) >= 0) {
                            value = value * 16 + Character.digit(buffer[i++], 16);
                            digits++;
                        }
                        if (digits == 0) {
                            unescaped[length++] = 'x';
                        } else {
                            unescaped[length++] = (byte) value;
                        }
                    }
                    default -> {
                        if (escaped >= '0' && escaped <= '7') {
                            int value = escaped - '0';
                            int digits = 1;
                            while (digits < 3 && i < end && buffer[i] >= '0' && buffer[i] <= '7') {
                                value = value * 8 + (buffer[i++] - '0');
                                digits++;
                            }
                            unescaped[length++] = (byte) value;
                        } else {
                            unescaped[length++] = escaped;
                        }
                    }
                }
            }
            return length;
        }

        private void append(byte[] buffer, int offset, int length) {
            if (pending.length < pendingLength + length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(pendingLength + length, pending.length * 2 + 64));
            }
            System.arraycopy(buffer, offset, pending, pendingLength, length);
            pendingLength += length;
        }

        private static int indexOf(byte[] buffer, int start, int end, byte wanted) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}
