package org.haigui.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.haigui.core.HaiguiException;

/**
 * The accounts of the web server, kept in the store's {@code accounts} table (passwords as Argon2id
 * hashes, never in clear): what {@code haigui user add|passwd|list|remove} and the admin's API calls
 * do. Changing a password or removing an account ends that account's sessions. The last admin
 * cannot be removed.
 */
public final class Accounts {

    /** One account, without its password hash. */
    public record Account(String username, Role role, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private Accounts() {}

    /** Adds an account; refuses a name in use, a bad name, the public role and a short password. */
    public static void add(Connection c, String username, Role role, char[] password) {
        checkName(username);
        if (role == Role.PUBLIC) {
            throw HaiguiException.usage("an account's role must be admin, analyst or researcher (public needs no account)");
        }
        checkPassword(password);
        if (find(c, username).isPresent()) {
            throw HaiguiException.usage("the account '" + username + "' exists already (use 'haigui user passwd' to change its password)");
        }
        String hash = Passwords.hash(password);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO accounts VALUES (?, ?, ?, now()::TIMESTAMP, now()::TIMESTAMP)")) {
            ps.setString(1, username);
            ps.setString(2, role.id());
            ps.setString(3, hash);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw HaiguiException.store("cannot add the account '" + username + "': " + e.getMessage(), e);
        }
    }

    /** Sets a new password and ends the account's sessions. */
    public static void setPassword(Connection c, String username, char[] password) {
        checkPassword(password);
        require(c, username);
        String hash = Passwords.hash(password);
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE accounts SET password_hash = ?, updated_at = now()::TIMESTAMP WHERE username = ?")) {
            ps.setString(1, hash);
            ps.setString(2, username);
            ps.executeUpdate();
            endSessions(c, username);
        } catch (SQLException e) {
            throw HaiguiException.store("cannot change the password of '" + username + "': " + e.getMessage(), e);
        }
    }

    /** Every account, by name. */
    public static List<Account> list(Connection c) {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT username, role, created_at, updated_at FROM accounts ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(account(rs));
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the accounts: " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes an account and its sessions; the last admin cannot be removed. */
    public static void remove(Connection c, String username) {
        Account a = require(c, username);
        if (a.role() == Role.ADMIN && list(c).stream().filter(x -> x.role() == Role.ADMIN).count() == 1) {
            throw HaiguiException.usage("'" + username + "' is the last admin account and cannot be removed; add another admin first");
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM accounts WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
            endSessions(c, username);
        } catch (SQLException e) {
            throw HaiguiException.store("cannot remove the account '" + username + "': " + e.getMessage(), e);
        }
    }

    /** The account when the password is right; the same time is spent when the account does not exist. */
    static Optional<Account> authenticate(Connection c, String username, char[] password) {
        String hash = null;
        Account a = null;
        if (username != null && NAME.matcher(username).matches()) {
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT username, role, created_at, updated_at, password_hash FROM accounts WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        a = account(rs);
                        hash = rs.getString(5);
                    }
                }
            } catch (SQLException e) {
                throw HaiguiException.store("cannot read the accounts: " + e.getMessage(), e);
            }
        }
        boolean ok = Passwords.verify(password, hash == null ? Passwords.DUMMY : hash);
        return ok && a != null ? Optional.of(a) : Optional.empty();
    }

    static Optional<Account> find(Connection c, String username) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT username, role, created_at, updated_at FROM accounts WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw HaiguiException.store("cannot read the accounts: " + e.getMessage(), e);
        }
    }

    private static Account require(Connection c, String username) {
        return find(c, username).orElseThrow(() -> new HaiguiException(HaiguiException.Kind.NOT_FOUND,
            "no account named '" + username + "'"));
    }

    private static void endSessions(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), Role.ofAccount(rs.getString(2)), rs.getObject(3, LocalDateTime.class),
            rs.getObject(4, LocalDateTime.class));
    }

    private static void checkName(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw HaiguiException.usage("an account name is 1 to 64 letters, digits or . _ @ -, not '" + username + "'");
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < Passwords.MIN_LENGTH) {
            throw HaiguiException.usage("a password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
    }
}
