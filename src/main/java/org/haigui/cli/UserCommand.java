package org.haigui.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.haigui.labels.Language;
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

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language l = lang.language();
            Role r = Role.ofAccount(role);
            char[] pw = password(spec, l.pick(name + " 的密码：", "Password for " + name + ": "), l);
            try (Store store = Store.open(Store.resolve(db))) {
                Accounts.add(store.writer(), name, r, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            spec.commandLine().getOut().println(l.pick("haigui：已添加账户 " + name + "（" + r.id() + "）",
                "haigui: account " + name + " (" + r.id() + ") added"));
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

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language l = lang.language();
            char[] pw = password(spec, l.pick(name + " 的新密码：", "New password for " + name + ": "), l);
            try (Store store = Store.openExisting(Store.resolve(db))) {
                Accounts.setPassword(store.writer(), name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            spec.commandLine().getOut().println(l.pick("haigui：已更改 " + name + " 的密码", "haigui: password of " + name + " changed"));
            return ErrorMapper.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language l = lang.language();
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = Store.openExisting(Store.resolve(db))) {
                out.println(Language.pad(l.pick("账户", "name"), 24) + " " + Language.pad(l.pick("角色", "role"), 12) + " "
                    + l.pick("创建时间", "created"));
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

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language l = lang.language();
            try (Store store = Store.openExisting(Store.resolve(db))) {
                Accounts.remove(store.writer(), name);
            }
            spec.commandLine().getOut().println(l.pick("haigui：已删除账户 " + name, "haigui: account " + name + " removed"));
            return ErrorMapper.OK;
        }
    }

    /** Reads a password from the console (twice) or the first line of standard input. */
    static char[] password(CommandSpec spec, String prompt, Language l) {
        Console console = System.console();
        if (console != null && System.getenv("HAIGUI_PASSWORD_STDIN") == null) {
            char[] a = console.readPassword("%s", prompt);
            char[] b = console.readPassword("%s", l.pick("再输入一次：", "Again: "));
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw HaiguiException.usage("the two passwords differ (两次输入的密码不一致)");
            }
            Arrays.fill(b, '\0');
            return a;
        }
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw HaiguiException.usage("no password on standard input (give it on the first line) (标准输入中没有密码，请写在第一行)");
            }
            return line.toCharArray();
        } catch (java.io.IOException e) {
            throw HaiguiException.usage("cannot read the password from standard input (无法从标准输入读取密码): " + e.getMessage());
        }
    }
}
