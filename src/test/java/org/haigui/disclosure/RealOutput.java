package org.haigui.disclosure;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawCell;
import org.haigui.indicators.RawResult;
import org.haigui.store.Store;

/**
 * The real engine's raw result of a store, computed once and kept in a file (so that protection and the audit can be
 * run again and again on it without the engine's half minute): {@link #load} runs the engine on the store (read-only)
 * when the cache file does not exist, and reads the file otherwise. The file is a plain binary dump of the cells,
 * their contributors and the relations; it holds raw figures, so keep it out of the repository (e.g. under /tmp).
 */
final class RealOutput {

    private static final int MAGIC = 0x48475231;

    private RealOutput() {
    }

    /** The engine's raw result of {@code store} as of {@code asOf}, from {@code cache} if it exists (else computed and saved there). */
    static RawResult load(Path store, LocalDate asOf, Path cache) {
        if (cache != null && Files.exists(cache)) {
            return read(cache);
        }
        RawResult raw = run(store, asOf);
        if (cache != null) {
            write(raw, cache);
        }
        return raw;
    }

    /** Runs the engine on a store opened read-only. */
    static RawResult run(Path store, LocalDate asOf) {
        try (Store s = Store.openReadOnly(store); java.sql.Connection reader = s.reader()) {
            return new IndicatorEngine().run(reader, IndicatorRequest.of(asOf));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(RawResult raw, Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            IndicatorResult.RunInfo info = raw.info();
            out.writeUTF(info.asOf().toString());
            out.writeLong(info.seed());
            out.writeInt(info.resamples());
            out.writeUTF(info.catalogueVersion());
            out.writeUTF(info.bootstrapScheme());
            out.writeInt(raw.notAvailable().size());
            for (Map.Entry<String, String> e : raw.notAvailable().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(raw.cells().size());
            for (RawCell c : raw.cells()) {
                IndicatorValue v = c.value();
                key(out, CellKey.of(v));
                for (BigDecimal b : new BigDecimal[] {v.value(), v.numerator(), v.denominator(), v.ciLow(), v.ciHigh()}) {
                    dec(out, b);
                }
                out.writeBoolean(v.suppressed());
                Contributors k = c.contributors();
                out.writeLong(k.units());
                out.writeLong(k.numeratorUnits());
                for (BigDecimal b : new BigDecimal[] {k.top1(), k.top2(), k.denominatorTop1(), k.denominatorTop2()}) {
                    dec(out, b);
                }
            }
            out.writeInt(raw.relations().size());
            for (CellRelation r : raw.relations()) {
                term(out, r.target());
                out.writeInt(r.terms().size());
                for (CellRelation.Term t : r.terms()) {
                    term(out, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawResult read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a raw result dump");
            }
            IndicatorResult.RunInfo info = new IndicatorResult.RunInfo(LocalDate.parse(in.readUTF()), in.readLong(), in.readInt(),
                in.readUTF(), in.readUTF());
            Map<String, String> na = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                na.put(in.readUTF(), in.readUTF());
            }
            int n = in.readInt();
            List<RawCell> cells = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CellKey k = key(in);
                IndicatorValue v = new IndicatorValue(k.indicator(), k.period(), k.group(), k.breakdown(), k.category(), dec(in), dec(in),
                    dec(in), dec(in), dec(in), in.readBoolean());
                cells.add(new RawCell(v, new Contributors(in.readLong(), in.readLong(), dec(in), dec(in), dec(in), dec(in))));
            }
            int nr = in.readInt();
            List<CellRelation> rels = new ArrayList<>(nr);
            for (int i = 0; i < nr; i++) {
                CellRelation.Term target = term(in);
                int nt = in.readInt();
                List<CellRelation.Term> terms = new ArrayList<>(nt);
                for (int t = 0; t < nt; t++) {
                    terms.add(term(in));
                }
                rels.add(new CellRelation(target, terms));
            }
            return new RawResult(cells, rels, na, info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void key(DataOutputStream out, CellKey k) throws IOException {
        out.writeUTF(k.indicator());
        out.writeUTF(k.period());
        out.writeUTF(k.group());
        out.writeUTF(k.breakdown());
        out.writeUTF(k.category());
    }

    private static CellKey key(DataInputStream in) throws IOException {
        return new CellKey(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
    }

    private static void term(DataOutputStream out, CellRelation.Term t) throws IOException {
        key(out, t.cell());
        out.writeByte(t.measure().ordinal());
        out.writeInt(t.coefficient());
    }

    private static CellRelation.Term term(DataInputStream in) throws IOException {
        return new CellRelation.Term(key(in), CellRelation.Measure.values()[in.readByte()], in.readInt());
    }

    private static void dec(DataOutputStream out, BigDecimal b) throws IOException {
        out.writeBoolean(b != null);
        if (b != null) {
            out.writeUTF(b.toString());
        }
    }

    private static BigDecimal dec(DataInputStream in) throws IOException {
        return in.readBoolean() ? new BigDecimal(in.readUTF()) : null;
    }
}
