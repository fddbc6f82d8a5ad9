package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.haigui.testing.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and the server in two processes: {@code haigui user add} in a child JVM reads the
 * password from standard input and the account logs in to the server; while the server holds the
 * store, a child {@code haigui import} or {@code haigui user add} fails at once (it does not wait for
 * the lock) with the message that the server holds the store, and no stack trace.
 */
class ServerAndCommandLineTest {

    @TempDir
    Path tmp;

    /** What a child {@code haigui} process did. */
    record Run(int exit, String output) {
    }

    /** Runs {@code haigui args} in a child JVM with {@code stdin} as its standard input. */
    static Run haigui(Path log, String stdin, String... args) throws IOException, InterruptedException {
        Process p = Child.of(log.getParent(), List.of("-Xmx256m"), "org.haigui.cli.Main", args).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("haigui " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void userAddReadsThePasswordFromStandardInputAndTheAccountLogsIn() throws Exception {
        Path db = WebFixture.copy();
        String pw = "a password read from stdin";
        Run add = haigui(tmp.resolve("add.log"), pw + "\n", "user", "add", "alice", "--role", "researcher", "--db", db.toString());
        assertThat(add.exit()).as(add.output()).isZero();
        assertThat(add.output()).contains("account alice (researcher) added").doesNotContain(pw);

        // nothing on standard input: a usage error that says where the password is read from
        Run none = haigui(tmp.resolve("none.log"), "", "user", "add", "bob", "--role", "analyst", "--db", db.toString());
        assertThat(none.exit()).as(none.output()).isEqualTo(2);
        assertThat(none.output()).contains("no password on standard input").doesNotContain("\tat org.");

        Run list = haigui(tmp.resolve("list.log"), "", "user", "list", "--db", db.toString());
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).containsPattern("alice\\s+researcher").doesNotContain("bob");

        try (WebServer server = WebFixture.start(WebFixture.config(db))) {
            assertThat(new Client(server).login("alice", "a wrong password").status()).isEqualTo(401);
            Client alice = new Client(server);
            assertThat(alice.login("alice", pw).status()).isEqualTo(200);
            assertThat(alice.get("/api/v1/session").json().get("role").asText()).isEqualTo("researcher");
        }
    }

    @Test
    void aSecondProcessWritingToTheStoreTheServerHoldsFailsAtOnceWithAClearMessage() throws Exception {
        Path db = WebFixture.copy();
        try (WebServer server = WebFixture.start(WebFixture.config(db))) {
            Run imp = haigui(tmp.resolve("import.log"), "", "import", WebFixture.data().toString(), "--db", db.toString());
            assertThat(imp.exit()).as(imp.output()).isEqualTo(3);
            assertThat(imp.output()).contains("is in use by another process").contains("'haigui serve'")
                .contains("POST /api/v1/imports").doesNotContain("\tat org.").doesNotContain("Exception");

            Run add = haigui(tmp.resolve("user.log"), "another password\n", "user", "add", "carol", "--role", "analyst",
                "--db", db.toString());
            assertThat(add.exit()).as(add.output()).isEqualTo(3);
            assertThat(add.output()).contains("is in use by another process").doesNotContain("\tat org.");

            // the server is unharmed and still answers
            assertThat(new Client(server).get("/api/v1/catalogue").status()).isEqualTo(200);
        }
        // once the server has stopped, the command line writes to the store again
        Run add = haigui(tmp.resolve("after.log"), "another password\n", "user", "add", "carol", "--role", "analyst",
            "--db", db.toString());
        assertThat(add.exit()).as(add.output()).isZero();
    }
}
