package dev.vellum.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Row;
import dev.vellum.error.VellumException;

/**
 * Exercise 3 of the tutorial: a transfer of several statements that fails halfway (the debit breaks a CHECK
 * constraint after the credit and the log entry succeeded). The rollback leaves every balance as it was.
 */
final class TransferExercise {
    private final Connection conn;
    private final PrintWriter out;

    TransferExercise(Connection conn, PrintWriter out) {
        this.conn = conn;
        this.out = out;
    }

    void run() {
        out.println("Exercise 3: transaction safety");
        conn.execute("DROP TABLE IF EXISTS transfers");
        conn.execute("DROP TABLE IF EXISTS accounts");
        conn.execute("CREATE TABLE accounts (name VARCHAR(20) PRIMARY KEY, "
                + "balance DECIMAL(12, 2) NOT NULL CHECK (balance >= 0))");
        conn.execute("CREATE TABLE transfers (id " + Ddl.autoIncrementKey(conn.backend())
                + ", source VARCHAR(20) NOT NULL, target VARCHAR(20) NOT NULL, amount DECIMAL(12, 2) NOT NULL)");
        conn.execute("INSERT INTO accounts (name, balance) VALUES (?, ?), (?, ?)",
                "alice", new BigDecimal("100.00"), "bob", new BigDecimal("50.00"));
        conn.commit();
        balances("  balances before:");

        var amount = new BigDecimal("150.00");
        out.println("  transfer " + amount + " from alice to bob, in one transaction:");
        try {
            conn.execute("UPDATE accounts SET balance = balance + ? WHERE name = ?", amount, "bob");
            out.println("    1. credited bob");
            conn.execute("INSERT INTO transfers (source, target, amount) VALUES (?, ?, ?)", "alice", "bob", amount);
            out.println("    2. logged the transfer");
            conn.execute("UPDATE accounts SET balance = balance - ? WHERE name = ?", amount, "alice");
            out.println("    3. debited alice");
            conn.commit();
        } catch (VellumException e) {
            out.println("    3. debit failed: " + Main.describe(e));
            conn.rollback();
            out.println("  rolled back");
        }
        balances("  balances after:");
        out.println("  transfers logged: " + conn.execute("SELECT COUNT(*) FROM transfers").scalar());
    }

    private void balances(String heading) {
        var sb = new StringBuilder(heading);
        for (Row row : conn.execute("SELECT name, balance FROM accounts ORDER BY name")) {
            BigDecimal balance = row.get("balance", BigDecimal.class).setScale(2, RoundingMode.UNNECESSARY);
            sb.append(' ').append(row.get("name")).append('=').append(balance);
        }
        conn.commit();
        out.println(sb);
    }
}
