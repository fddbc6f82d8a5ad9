package org.haigui.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in the store's {@code audit_log} table: every access to person-level data (an
 * enterprise's team, the rejected rows of a batch), every import, every login (and failed login)
 * and every change of an account - who, with which role, what, on what, when and from where.
 * Readable by admins through the API.
 */
final class AuditLog {

    /** One entry. */
    record Entry(LocalDateTime happenedAt, String username, String role, String action, String target, String remote, String detail) {
    }

    private final Bookkeeping db;

    AuditLog(Bookkeeping db) {
        this.db = db;
    }

    void write(String username, Role role, String action, String target, String remote, String detail) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log VALUES (now()::TIMESTAMP, ?, ?, ?, ?, ?, ?)")) {
                // what a request names (a file, a failed login's name, a query) may hold an identity number: never in clear
                ps.setString(1, org.haigui.ids.IdText.maskAll(username));
                ps.setString(2, role.id());
                ps.setString(3, action);
                ps.setString(4, org.haigui.ids.IdText.maskAll(target));
                ps.setString(5, remote);
                ps.setString(6, org.haigui.ids.IdText.maskAll(detail));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest entries first, at most {@code limit}, optionally of one action only. */
    List<Entry> read(int limit, String action) {
        return db.with(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT happened_at, username, role, action, target, remote, detail FROM audit_log "
                + (action == null ? "" : "WHERE action = ? ") + "ORDER BY happened_at DESC LIMIT " + limit)) {
                if (action != null) {
                    ps.setString(1, action);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }
}
