import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.AuthenticationException;
import com.datastax.driver.core.exceptions.DriverException;
import com.datastax.driver.core.exceptions.NoHostAvailableException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Creates (or updates) the login role the jobs use on a node started with
 * {@code scripts/local-cassandra start --auth}.
 *
 * <pre>java -cp "$(cat target/cassandra.classpath)" JobRole.java HOST PORT ROLE [KEYSPACE...] &lt; password</pre>
 *
 * The job password comes on stdin, never argv, so it does not show in {@code ps}. The
 * admin login is the node's default superuser unless LOCAL_CASSANDRA_ADMIN_USER /
 * LOCAL_CASSANDRA_ADMIN_PASSWORD say otherwise. Uses the 3.x driver that cassandra-all
 * already has on its classpath, so no extra download is needed.
 *
 * The role may create keyspaces (the `schema` command does) and, as their creator, then
 * holds every permission on them; for each KEYSPACE that already exists it is granted
 * ALL explicitly. Not a superuser, so a job bug cannot touch system_auth.
 */
public class JobRole {
    private static final long LOGIN_WAIT_MS = 60_000;

    public static void main(String[] args) {
        if (args.length < 3) {
            fail(2, "usage: JobRole HOST PORT ROLE [KEYSPACE...] < password");
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String role = identifier(args[2]);
        List<String> keyspaces = Arrays.stream(args).skip(3).map(JobRole::identifier).toList();
        String password = readPassword();

        try (Cluster cluster = connectWhenReady(host, port); Session session = cluster.connect()) {
            String pw = literal(password);
            session.execute("CREATE ROLE IF NOT EXISTS " + role + " WITH LOGIN = true AND SUPERUSER = false AND PASSWORD = " + pw);
            // A rerun with a new password must take effect, so always set it.
            session.execute("ALTER ROLE " + role + " WITH LOGIN = true AND PASSWORD = " + pw);
            session.execute("GRANT CREATE ON ALL KEYSPACES TO " + role);
            for (String ks : keyspaces) {
                if (cluster.getMetadata().getKeyspace(ks) != null) {
                    session.execute("GRANT ALL PERMISSIONS ON KEYSPACE " + ks + " TO " + role);
                }
            }
        } catch (DriverException e) {
            // The message never contains the statement text, so the password stays out of it.
            fail(1, "cannot set up role " + role + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The default superuser is created a moment after the CQL port opens, so the first
     * logins may be refused; keep trying for a while before giving up.
     */
    private static Cluster connectWhenReady(String host, int port) {
        String user = envOr("LOCAL_CASSANDRA_ADMIN_USER", "cassandra");
        String pass = envOr("LOCAL_CASSANDRA_ADMIN_PASSWORD", "cassandra");
        long deadline = System.currentTimeMillis() + LOGIN_WAIT_MS;
        while (true) {
            Cluster cluster = Cluster.builder()
                    .addContactPoint(host).withPort(port)
                    .withCredentials(user, pass)
                    .withoutMetrics().withoutJMXReporting()
                    .build();
            try {
                cluster.init();
                return cluster;
            } catch (AuthenticationException | NoHostAvailableException e) {
                cluster.close();
                if (System.currentTimeMillis() > deadline) {
                    fail(1, "cannot log in as " + user + " on " + host + ":" + port + ": " + e.getMessage());
                }
                sleep(1000);
            }
        }
    }

    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                fail(2, "no password on stdin");
            }
            return line;
        } catch (java.io.IOException e) {
            fail(2, "cannot read the password from stdin: " + e.getMessage());
            return null;
        }
    }

    /** Role and keyspace names go into CQL unquoted, so only plain identifiers are accepted. */
    private static String identifier(String s) {
        if (!s.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
            fail(2, "not a plain CQL identifier: " + s);
        }
        return s.toLowerCase();
    }

    /** CREATE/ALTER ROLE take only a string literal for the password, not a bind marker. */
    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(1, "interrupted");
        }
    }

    private static void fail(int code, String message) {
        System.err.println(message);
        System.exit(code);
    }
}
