package org.haigui.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.store.Store;
import org.haigui.web.Accounts;
import org.haigui.web.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true,
    description = {"Accounts of the web server (haigui serve): add, passwd, list, remove.",
        "Passwords are read from the console (asked twice), or from the first line of standard input when it is not a "
            + "console - never from a flag. Stop the server first: it holds the store."},
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class, UserCommand.Remove.class})
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account (role admin, analyst or researcher).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst or researcher.")
        String role;
        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Override
        public Integer call() {
            Role r = Role.ofAccount(role);
            char[] pw = password(spec, "Password for " + name + ": ");
            try (Store store = Store.open(Store.resolve(db))) {
                Accounts.add(store.writer(), name, r, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            spec.commandLine().getOut().println("haigui: account " + name + " (" + r.id() + ") added");
            return ErrorMapper.OK;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set an account's password (ends its sessions).")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Override
        public Integer call() {
            char[] pw = password(spec, "New password for " + name + ": ");
            try (Store store = Store.openExisting(Store.resolve(db))) {
                Accounts.setPassword(store.writer(), name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            spec.commandLine().getOut().println("haigui: password of " + name + " changed");
            return ErrorMapper.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = Store.openExisting(Store.resolve(db))) {
                out.printf(Locale.ROOT, "%-24s %-12s %s%n", "name", "role", "created");
                for (Accounts.Account a : Accounts.list(store.writer())) {
                    out.printf(Locale.ROOT, "%-24s %-12s %s%n", a.username(), a.role().id(), a.createdAt());
                }
            }
            out.flush();
            return ErrorMapper.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account (not the last admin).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Override
        public Integer call() {
            try (Store store = Store.openExisting(Store.resolve(db))) {
                Accounts.remove(store.writer(), name);
            }
            spec.commandLine().getOut().println("haigui: account " + name + " removed");
            return ErrorMapper.OK;
        }
    }

    /** Reads a password from the console (twice) or the first line of standard input. */
    static char[] password(CommandSpec spec, String prompt) {
        Console console = System.console();
        if (console != null && System.getenv("HAIGUI_PASSWORD_STDIN") == null) {
            char[] a = console.readPassword("%s", prompt);
            char[] b = console.readPassword("%s", "Again: ");
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw HaiguiException.usage("the two passwords differ");
            }
            Arrays.fill(b, '\0');
            return a;
        }
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw HaiguiException.usage("no password on standard input (give it on the first line)");
            }
            return line.toCharArray();
        } catch (java.io.IOException e) {
            throw HaiguiException.usage("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
