package io.tacit.jdbc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source sessions open in this process. When tacit is stopped (Ctrl-C, SIGTERM), the CLI's shutdown hook
 * calls {@link #cancelAll()}: closing the socket alone would leave the running statement working on the server
 * until its statement timeout.
 */
public final class OpenSessions {
    private static final Set<JdbcSource> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    private OpenSessions() {
    }

    static void opened(JdbcSource source) {
        OPEN.add(source);
    }

    static void closed(JdbcSource source) {
        OPEN.remove(source);
    }

    /** Whether {@link #cancelAll()} ran: a failure now is the cancel, not the database. */
    public static boolean stopping() {
        return stopping;
    }

    /**
     * Cancels what every open session runs and closes it; sessions opened afterwards are refused.
     *
     * @return how many sessions were open
     */
    public static int cancelAll() {
        stopping = true;
        List<JdbcSource> sources = List.copyOf(OPEN);
        for (JdbcSource source : sources) {
            source.cancel();
        }
        return sources.size();
    }
}
