package com.rides.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives a test class a real Cassandra and keyspaces of its own.
 *
 * <p>One Cassandra per test JVM (see {@link CassandraSource#choose} for where it comes
 * from), stopped when the run ends. Each class gets a {@link RidesConfig} whose raw and
 * stats keyspaces are named after it ({@link TestKeyspaces}) and a {@link CqlSession},
 * both injectable into {@code @BeforeAll} methods, constructors and test methods. The class's
 * keyspaces are dropped before it starts, so reruns begin clean, and again after it when
 * every test of it passed; a failed class leaves them in place to look at. (The node lives
 * for the whole test JVM, one JVM runs every class of a module, and keyspaces left behind
 * only grew its heap.) Creating tables is the schema code's job, not this one's.
 */
public final class CassandraExtension implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback,
        ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(CassandraExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    /** A test method's failure is its own context's, not the class's: remembered for {@link #afterAll}. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            resources(context).failed().set(true);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassResources resources = context.getStore(NAMESPACE).get(ClassResources.class, ClassResources.class);
        // Only where they were opened (a @Nested class shares its outer class's), and only
        // when nothing failed: a failed class's rows are what one looks at next.
        if (resources != null && resources.owner() == context.getRequiredTestClass()
                && !resources.failed().get() && context.getExecutionException().isEmpty()) {
            resources.dropKeyspaces();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RidesConfig.class || type == CqlSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassResources resources = resources(context);
        return parameter.getParameter().getType() == RidesConfig.class ? resources.config() : resources.session();
    }

    /**
     * The class's resources, opened on first use: usually in beforeAll, but a
     * PER_CLASS test instance is constructed before that, and its constructor may ask.
     * Store lookups fall back to the parent, so a @Nested class shares its outer
     * class's keyspaces and session.
     */
    private static ClassResources resources(ExtensionContext context) {
        ClassResources existing = context.getStore(NAMESPACE).get(ClassResources.class, ClassResources.class);
        if (existing != null) {
            return existing;
        }
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        ExtensionContext owner = classContext;
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ClassResources.class, key -> open(owner),
                ClassResources.class);
    }

    private static ClassResources open(ExtensionContext classContext) {
        CassandraNode node = node(classContext);
        TestKeyspaces keyspaces = TestKeyspaces.forClass(classContext.getRequiredTestClass());
        RidesConfig config = node.config().rawKeyspace(keyspaces.raw()).statsKeyspace(keyspaces.stats()).build();
        ClassResources resources = new ClassResources(classContext.getRequiredTestClass(), config,
                CassandraSessions.open(config), new AtomicBoolean());
        try {
            resources.dropKeyspaces();
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
        return resources;
    }

    private static CassandraNode node;

    /**
     * The JVM's one node, stopped by its shutdown hook when the JVM ends. Not JUnit's root
     * store: with test JVMs side by side (forkCount), Surefire runs each class in a launcher
     * session of its own, whose root store closes after the class, so each class would
     * start and stop a node of its own (and lose data shared across classes).
     */
    private static synchronized CassandraNode node(ExtensionContext classContext) {
        if (node == null) {
            node = startNode(classContext);
        }
        return node;
    }

    private static CassandraNode startNode(ExtensionContext context) {
        Map<String, String> env = System.getenv();
        CassandraSource source = CassandraSource.choose(env, CassandraExtension::dockerAvailable);
        CassandraNode node = CassandraNode.start(source, env, localDataDir(context.getRequiredTestClass()));
        System.out.println("[CassandraExtension] tests run against " + node.describe());
        return node;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * {@code <module>/<build dir>/test-cassandra}: next to the test-classes folder the first
     * test class was loaded from, so it follows -Dbuild.dir.name and `mvn clean` removes it.
     * Test JVMs that run side by side (the jobs module's -Drides.test.forks=2) each claim a folder of
     * their own, {@code test-cassandra-2} and so on, by a file lock held until the JVM ends.
     */
    static Path localDataDir(Class<?> testClass) {
        Path buildDir = Path.of("target").toAbsolutePath();
        try {
            Path classes = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getParent() != null) {
                buildDir = classes.getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // the conventional place
        }
        return claimFolder(buildDir, "test-cassandra");
    }

    /** {@code parent/name}, or the first of {@code parent/name-2}, {@code -3}... no JVM has claimed. */
    static Path claimFolder(Path parent, String name) {
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? name : name + "-" + n);
            if (claim(parent, dir)) {
                return dir;
            }
        }
    }

    /** Locks held for the JVM's life: a lock is released when its channel closes. */
    private static final List<FileLock> CLAIMS = new ArrayList<>();

    private static synchronized boolean claim(Path buildDir, Path dir) {
        try {
            Files.createDirectories(buildDir);
            FileChannel channel = FileChannel.open(
                    buildDir.resolve(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            CLAIMS.add(lock);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + dir, e);
        }
    }

    /** What one test class holds: its settings and an open session, closed after the class. */
    private record ClassResources(Class<?> owner, RidesConfig config, CqlSession session, AtomicBoolean failed)
            implements ExtensionContext.Store.CloseableResource {

        void dropKeyspaces() {
            session.execute("DROP KEYSPACE IF EXISTS " + config.rawKeyspace());
            session.execute("DROP KEYSPACE IF EXISTS " + config.statsKeyspace());
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
