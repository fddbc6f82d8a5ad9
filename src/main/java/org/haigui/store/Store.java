package org.haigui.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.haigui.core.HaiguiException;
import org.haigui.ids.IdHasher;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * The embedded store: one DuckDB file and the key file beside it ({@code <db>.key}) that keys the
 * identity-number hashes.
 *
 * <p><b>Readers and the writer.</b> DuckDB lets one process open a file for writing; within it, one
 * database instance serves many connections. A store opened with {@link #open} (for writing) holds
 * <em>the writer</em> ({@link #writer()}, the one connection that imports and migrations use; only it
 * migrates, and only when opened for writing) and hands out short-lived <em>readers</em>
 * ({@link #reader()}, a new connection to the same instance per call, closed by the caller): an
 * indicator run takes its own reader and reads one snapshot in one transaction, so it sees the data
 * before or after a concurrent import's commit, never half of it, and its temp tables are private to
 * it. A store opened with {@link #openReadOnly} (commands that only read: status, indicators, ties)
 * takes no write lock, never migrates (an older store is refused with a hint) and has no writer.
 */
public final class Store implements AutoCloseable {

    /** Default database file name in the current directory. */
    public static final String DEFAULT_FILE = "haigui.duckdb";
    /** Environment variable that overrides the default database file. */
    public static final String ENV_DB = "HAIGUI_DB";

    private static final String KEY_FINGERPRINT = "id_key_fingerprint";

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;

    private Store(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The database file to use: the flag, else {@code HAIGUI_DB}, else {@code ./haigui.duckdb}. */
    public static Path resolve(Path flag) {
        if (flag != null) {
            return flag;
        }
        String env = System.getenv(ENV_DB);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(DEFAULT_FILE);
    }

    /** Opens (creating if needed) and migrates the store. */
    public static Store open(Path file) {
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
        } catch (IOException e) {
            throw HaiguiException.store("cannot create the folder of the database " + abs + ": " + e.getMessage(), e);
        }
        Connection c;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            c = DriverManager.getConnection("jdbc:duckdb:" + abs, p);
        } catch (ClassNotFoundException | SQLException e) {
            throw inUse(abs, e).orElseGet(() -> HaiguiException.store("cannot open the database " + abs + ": " + e.getMessage(), e));
        }
        try {
            Migrations.migrate(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw HaiguiException.store("cannot migrate the database " + abs + ": " + e.getMessage(), e);
        }
        return new Store(abs, c, false);
    }

    /**
     * Opens an existing store for reading only: no write lock (other readers may open it too), no
     * migration. A store of an older schema version is refused: a command that writes (an import)
     * upgrades it.
     */
    public static Store openReadOnly(Path file) {
        Path abs = file.toAbsolutePath();
        if (!Files.exists(abs)) {
            throw HaiguiException.store("no database at " + abs + " (run 'haigui import' first, or give --db)", null);
        }
        Connection c;
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            c = DriverManager.getConnection("jdbc:duckdb:" + abs, p);
        } catch (ClassNotFoundException | SQLException e) {
            throw inUse(abs, e).orElseGet(() -> HaiguiException.store("cannot open the database " + abs + " for reading: "
                + e.getMessage(), e));
        }
        try {
            int v = Migrations.currentVersion(c);
            if (v != Migrations.LATEST) {
                closeQuietly(c);
                throw HaiguiException.store("the database " + abs + " has schema version " + v + ", this program expects "
                    + Migrations.LATEST + (v < Migrations.LATEST ? "; run an import (any 'haigui import') to upgrade it" : "; use a newer haigui"),
                    null);
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw HaiguiException.store("the file " + abs + " is not a haigui store: " + e.getMessage(), e);
        }
        return new Store(abs, c, true);
    }

    /**
     * DuckDB's lock conflict ("Conflicting lock is held in /usr/lib/jvm/.../java (PID 123)") said
     * for a person: which process, which commands may hold a store, and what to do.
     */
    private static java.util.Optional<HaiguiException> inUse(Path abs, Exception e) {
        String m = String.valueOf(e.getMessage());
        if (!m.contains("Could not set lock") && !m.contains("Conflicting lock")) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("\\(PID (\\d+)\\)").matcher(m);
        String who = pid.find() ? "another process (PID " + pid.group(1) + ")" : "another process";
        return java.util.Optional.of(HaiguiException.store("the database " + abs + " is in use by " + who + ". "
            + "A command that writes holds a store alone while it runs: 'haigui serve' (a running server owns its store: "
            + "import through it, POST /api/v1/imports or the dashboard's data page), 'haigui import', 'haigui institutions "
            + "import', 'haigui demo' or 'haigui bench' (or a program that opened the store); while it does, no other command "
            + "can open it, even to read. Wait for that command to finish, or stop it"
            + (pid.find(0) ? " (kill " + pid.group(1) + ")" : "") + ", then try again. "
            + "数据库正被另一进程使用（导入等写入命令运行期间独占数据库）：请等待其结束或停止它，然后重试。", e));
    }

    /** Opens an existing store; a clear error when the file does not exist. */
    public static Store openExisting(Path file) {
        if (!Files.exists(file)) {
            throw HaiguiException.store("no database at " + file.toAbsolutePath() + " (run 'haigui import' first, or give --db)", null);
        }
        return open(file);
    }

    public Path file() {
        return file;
    }

    /**
     * The writer of a store opened for writing (imports, migrations, the registry), or the one
     * connection of a read-only store. Callers must not close it. Prefer {@link #writer()} or
     * {@link #reader()}, which say what they are for.
     */
    public Connection connection() {
        return connection;
    }

    /** The one writer; callers must not close it. Refused on a store opened read-only. */
    public Connection writer() {
        if (readOnly) {
            throw HaiguiException.store("the database " + file + " was opened for reading only", null);
        }
        return connection;
    }

    /**
     * A new connection to the same database for one read (an indicator run, a status query); the
     * caller closes it. It shares the instance (and the writer's committed data) but has its own
     * transactions and temp tables.
     */
    public Connection reader() {
        try {
            return ((org.duckdb.DuckDBConnection) connection).duplicate();
        } catch (SQLException e) {
            throw HaiguiException.store("cannot open a reader on the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the store was opened for reading only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** The key file beside the database. */
    public Path keyFile() {
        return file.resolveSibling(file.getFileName() + ".key");
    }

    /**
     * The identity-number hasher under this store's key. Creates the key file on first use; fails
     * clearly when the store already holds hashes under a key whose file is missing or different.
     */
    public IdHasher hasher() {
        Path keyFile = keyFile();
        String recorded = meta(KEY_FINGERPRINT);
        try {
            if (Files.exists(keyFile)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).trim());
                IdHasher h = new IdHasher(key);
                if (recorded == null) {
                    setMeta(KEY_FINGERPRINT, h.fingerprint());
                } else if (!recorded.equals(h.fingerprint())) {
                    throw HaiguiException.store("the key file " + keyFile + " is not the key this database was created with; "
                        + "identity numbers could not be linked. Restore the original key file.", null);
                }
                return h;
            }
            if (recorded != null) {
                throw HaiguiException.store("the key file " + keyFile + " is missing. The database " + file
                    + " holds identity-number hashes made with it; restore the key file from your backup "
                    + "(without it, new records cannot be linked to stored ones).", null);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            IdHasher h = new IdHasher(key);
            setMeta(KEY_FINGERPRINT, h.fingerprint());
            return h;
        } catch (IOException | IllegalArgumentException e) {
            throw HaiguiException.store("cannot read or create the key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    public String meta(String key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the store's metadata: " + e.getMessage(), e);
        }
    }

    public void setMeta(String key, String value) {
        try (PreparedStatement del = connection.prepareStatement("DELETE FROM meta WHERE key = ?");
             PreparedStatement ins = connection.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
            del.setString(1, key);
            del.executeUpdate();
            ins.setString(1, key);
            ins.setString(2, value);
            ins.executeUpdate();
        } catch (SQLException e) {
            throw HaiguiException.store("cannot write the store's metadata: " + e.getMessage(), e);
        }
    }

    /** Rows per canonical table, batches, and unresolved quarantined rows. */
    public StoreStatus status() {
        try (Statement st = connection.createStatement()) {
            Map<String, Long> tables = new LinkedHashMap<>();
            for (Table t : Schema.tables()) {
                tables.put(t.name(), single(st, "SELECT count(*) FROM " + t.name()));
            }
            long batches = single(st, "SELECT count(*) FROM import_batches");
            long quarantined = single(st, "SELECT count(*) FROM quarantine WHERE resolved_batch_id IS NULL");
            return new StoreStatus(tables, batches, quarantined, Migrations.currentVersion(connection));
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
        }
    }

    /**
     * The newest date in the records: the latest value of every date column of the canonical
     * tables, a year column counting as its 31 December. Empty when the store holds no dated row.
     * An as-of date after it computes figures the records cannot support yet.
     */
    public java.util.Optional<java.time.LocalDate> newestDate() {
        StringBuilder sql = new StringBuilder();
        for (Table t : Schema.tables()) {
            for (String col : t.storeColumns()) {
                String expr = null;
                if (t.storeType(col).equals("DATE")) {
                    expr = "max(" + col + ")";
                } else if (col.equals("year") && t.storeType(col).equals("BIGINT")) {
                    expr = "make_date(CAST(max(" + col + ") AS INTEGER), 12, 31)";
                }
                if (expr != null) {
                    sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT ").append(expr).append(" AS d FROM ").append(t.name());
                }
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT max(d) FROM (" + sql + ") x")) {
            rs.next();
            String d = rs.getString(1);
            return d == null ? java.util.Optional.empty() : java.util.Optional.of(java.time.LocalDate.parse(d));
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
