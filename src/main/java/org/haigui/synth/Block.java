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

    Block(long index) {
        this.index = index;
        for (int t = 0; t < T.COUNT; t++) {
            rows.add(new ArrayList<>());
        }
    }

    String[] add(int table) {
        String[] row = new String[T.width(table)];
        rows.get(table).add(row);
        return row;
    }
}
