package org.haigui.web;

import java.util.Locale;
import org.haigui.core.HaiguiException;

/** Who a caller is: an account's role, or {@link #PUBLIC} without a login. */
public enum Role {
    /** Manages accounts and reads the audit log. */
    ADMIN,
    /** Imports data, sees raw (unsuppressed) figures and person-level views. */
    ANALYST,
    /** Sees protected figures and exports them. */
    RESEARCHER,
    /** No login: the published (protected) figures. Not a role an account can have. */
    PUBLIC;

    /** The name used in the store, the API and on the command line ({@code analyst}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role gets raw, unsuppressed figures. Only the analyst does. */
    public boolean raw() {
        return this == ANALYST;
    }

    /** Parses a role an account may have (admin, analyst, researcher). */
    public static Role ofAccount(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r != PUBLIC && r.id().equals(v)) {
                return r;
            }
        }
        throw HaiguiException.usage("the role must be admin, analyst or researcher, not '" + s + "'");
    }
}
