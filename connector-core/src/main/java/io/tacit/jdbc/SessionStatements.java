package io.tacit.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements open on one source session, so that a stop can cancel the one running. The session is handed
 * out behind a proxy that records every statement it creates: schema reading, statistics and probes all go
 * through it, and none of them has to remember to register.
 */
final class SessionStatements {
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();

    /** {@code connection}, recording each statement created through it. */
    Connection track(Connection connection) {
        requireNonNull(connection, "connection is null");
        InvocationHandler handler = new Recorder(connection);
        return (Connection) Proxy.newProxyInstance(connection.getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** The statements not closed yet. */
    List<Statement> open() {
        forgetClosed();
        return new ArrayList<>(statements);
    }

    private void forgetClosed() {
        statements.removeIf(SessionStatements::closed);
    }

    private static boolean closed(Statement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private final class Recorder implements InvocationHandler {
        private final Connection connection;

        Recorder(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getName().equals("equals") && arguments != null && arguments.length == 1) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && arguments == null) {
                return System.identityHashCode(proxy);
            }
            Object result;
            try {
                result = method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement) {
                forgetClosed();
                statements.add(statement);
            }
            return result;
        }
    }
}
