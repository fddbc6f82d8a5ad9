package org.haigui.synth;

import java.util.ArrayList;
import java.util.List;

/** The rows of one block of persons (and their firms), per table, and the damage done to them. */
final class Block {

    /** One damaged row: rowIndex counts rows of that table within this block from 0. */
    record Damage(int table, int rowIndex, String column, String kind, boolean rejected) { }

    final long index;
    final List<List<String[]>> rows = new ArrayList<>();
    final List<Damage> damages = new ArrayList<>();
    /** Row counts and CSV bytes per table, once encoded (the rows are dropped then). */
    final int[] counts = new int[T.COUNT];
    final byte[][] csv = new byte[T.COUNT][];

    Block(long index) {
        this.index = index;
        for (int t = 0; t < T.COUNT; t++) {
            rows.add(new ArrayList<>());
        }
    }

    /** Encodes every table to CSV bytes and drops the rows. */
    void encode() {
        Csv c = new Csv();
        for (int t = 0; t < T.COUNT; t++) {
            c.reset();
            c.rows(rows.get(t));
            counts[t] = rows.get(t).size();
            csv[t] = c.toBytes();
            rows.get(t).clear();
        }
    }

    String[] add(int table) {
        String[] row = new String[T.width(table)];
        rows.get(table).add(row);
        return row;
    }
}
