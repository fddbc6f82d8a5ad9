package org.haigui.synth;

import static org.haigui.synth.BlockGen.*;
import static org.haigui.synth.Formats.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.haigui.ids.IdentityNumber;

/**
 * The persons of a block (the persons section of {@link BlockGen}): each person's category,
 * birth, overseas episodes, city moves, degree and field, from the person's own stream (seed,
 * person index), and the rows of {@code persons}, {@code overseas_episodes}, {@code city_moves}
 * and the person's support rows.
 */
final class PersonGen {

    private static final double[] CATEGORY_CUM = Rng.cumulative(Calibration.P_ARRIVER, Calibration.P_STAYER,
        Calibration.P_NONRET, Calibration.P_ABROAD, Calibration.P_NOMOVE);
    private static final LocalDate[] SEG_START;
    private static final LocalDate[] SEG_END;
    private static final double[] SEG_CUM;

    static {
        // Return arrivals per year (persons, at the default scale of 300,000): see Calibration.
        int first = 1985;
        int n = LAST_YEAR - first + 2;
        SEG_START = new LocalDate[n];
        SEG_END = new LocalDate[n];
        double[] w = new double[n];
        for (int y = first; y <= LAST_YEAR - 1; y++) {
            int i = y - first;
            SEG_START[i] = LocalDate.of(y, 1, 1);
            SEG_END[i] = LocalDate.of(y, 12, 31);
            w[i] = Calibration.returnWeight(y);
        }
        SEG_START[n - 2] = LocalDate.of(2021, 1, 1);
        SEG_END[n - 2] = LocalDate.of(2021, 9, 30);
        w[n - 2] = Calibration.RETURNS_2021_Q1_Q3;
        SEG_START[n - 1] = LocalDate.of(2021, 10, 1);
        SEG_END[n - 1] = HORIZON;
        w[n - 1] = Calibration.RETURNS_2021_Q4;
        SEG_CUM = Rng.cumulative(w);
    }

    private final long seed;
    private final Block out;

    PersonGen(long seed, Block out) {
        this.seed = seed;
        this.out = out;
    }

    P skeleton(long index) {
        P p = new P();
        p.index = index;
        p.id = pad("P", index, 9);
        p.r = new Rng(seed, index, 0x9E50A1L);
        Rng r = p.r;
        p.cat = r.weighted(CATEGORY_CUM);
        p.gender = r.p(0.56) ? 'M' : 'F';
        switch (p.cat) {
            case ARRIVER, NOMOVE -> {
                int s = r.weighted(SEG_CUM);
                p.ret = day(r, SEG_START[s], SEG_END[s]);
            }
            case STAYER -> {
                // when they became returnees: later years more likely (a triangular draw over 1995..2021-06)
                long span = ChronoUnit.DAYS.between(LocalDate.of(1995, 1, 1), LocalDate.of(2021, 6, 30));
                p.ret = LocalDate.of(1995, 1, 1).plusDays((long) (Math.sqrt(r.u()) * span));
            }
            case NONRET -> p.ret = day(r, LocalDate.of(1990, 1, 1), LocalDate.of(2021, 10, 31));
            default -> p.ret = day(r, LocalDate.of(2017, 8, 1), LocalDate.of(2021, 9, 30));
        }
        return p;
    }

    void detail(P p) {
        Rng r = p.r;
        boolean founder = p.role == LEADER || p.role == COFOUNDER;
        switch (p.cat) {
            case ARRIVER, NOMOVE, STAYER -> {
                if (p.tieTarget && p.shared != null) {
                    buildTied(p, founder);
                } else {
                    LocalDate bound = p.ret.minusDays(p.cat == STAYER ? 0 : r.between(3, 150));
                    buildAbroad(p, bound, founder);
                }
                returneeMoves(p);
            }
            case ABROAD -> buildStillAbroad(p);
            default -> buildNonReturnee(p);
        }
        p.field = Ref.FIELDS[r.weighted(founder ? Ref.FOUNDER_FIELD_CUM : Ref.FIELD_CUM)];
    }

    /** Study then work abroad, built backward from the end of the last episode. */
    private void buildAbroad(P p, LocalDate bound, boolean founder) {
        Rng r = p.r;
        boolean study = r.p(founder ? 0.85 : 0.82);
        boolean work = !study || r.p(founder ? 0.67 : 0.5);
        String degree = study ? studyDegree(r, founder) : null;
        String studyCountry = Ref.STUDY_COUNTRIES[r.weighted(Ref.STUDY_CUM)];
        List<Ep> rev = new ArrayList<>();
        LocalDate t = bound;
        LocalDate firstStart;
        if (work) {
            int n = r.p(0.3) ? 2 : 1;
            for (int k = 0; k < n; k++) {
                int len = k == 0 ? r.between(420, 365 * 5) : r.between(380, 365 * 3);
                boolean research = "doctorate".equals(degree) && r.p(0.4);
                String cc = study && r.p(0.7) ? studyCountry : Ref.WORK_COUNTRIES[r.weighted(Ref.WORK_CUM)];
                Ep e = episode(r, research ? "research" : "work", research ? Ref.university(r, cc) : Ref.employer(r, cc), cc,
                    t.minusDays(len), t, null);
                rev.add(e);
                t = e.start.minusDays(r.between(1, 90));
            }
            p.worked = true;
        }
        if (study) {
            int years = years(r, degree, studyCountry);
            int y = t.getYear();
            LocalDate end = LocalDate.of(y, 6, r.between(10, 30));
            if (end.isAfter(t)) {
                y--;
                end = LocalDate.of(y, 6, r.between(10, 30));
            }
            LocalDate start = LocalDate.of(y - years, 9, r.between(1, 25));
            Ep e = episode(r, "study", Ref.university(r, studyCountry), studyCountry, start, end, degree);
            rev.add(e);
            String prior = "master".equals(degree) && r.p(0.2) ? "bachelor" : "doctorate".equals(degree) && r.p(0.35) ? "master" : null;
            if (prior != null) {
                int py = start.getYear();
                int pyears = years(r, prior, studyCountry);
                String cc = r.p(0.7) ? studyCountry : Ref.STUDY_COUNTRIES[r.weighted(Ref.STUDY_CUM)];
                rev.add(episode(r, "study", Ref.university(r, cc), cc, LocalDate.of(py - pyears, 9, r.between(1, 25)),
                    LocalDate.of(py, 6, r.between(10, 30)), prior));
            }
        }
        for (int i = rev.size() - 1; i >= 0; i--) {
            p.eps.add(rev.get(i));
        }
        firstStart = p.eps.get(0).start;
        String firstKind = p.eps.get(0).kind;
        String firstDeg = p.eps.get(0).degree;
        int age;
        if (!"study".equals(firstKind)) {
            age = r.between(23, 33);
        } else if ("bachelor".equals(firstDeg)) {
            age = r.between(17, 19);
        } else if ("master".equals(firstDeg)) {
            age = r.between(21, 25);
        } else {
            age = r.between(22, 27);
        }
        p.birth = firstStart.minusYears(age).minusDays(r.between(0, 364));
        p.degree = highest(r, p, study);
        finishReturnee(p);
    }

    /** The leader's episode a tied member shares: a study one for schoolmates, else a work one, if there is. */
    static Ep sharedEpisode(P leader, boolean schoolmate) {
        Ep any = null;
        for (Ep e : leader.eps) {
            if (e.end == null) {
                continue;
            }
            boolean study = "study".equals(e.kind);
            if (study == schoolmate) {
                return e;
            }
            any = e;
        }
        return any;
    }

    /** A team member who studied or worked with the leader: the shared episode, then the rest forward. */
    private void buildTied(P p, boolean founder) {
        Rng r = p.r;
        Ep s = p.shared;
        LocalDate start = s.start.plusDays(r.between(-200, 200));
        LocalDate sEnd = s.end;
        LocalDate end = sEnd.plusDays(r.between(-200, 200));
        if (start.isAfter(sEnd)) {
            start = sEnd.minusDays(30);
        }
        if (end.isBefore(s.start)) {
            end = s.start.plusDays(30);
        }
        if (ChronoUnit.DAYS.between(start, end) < 200) {
            end = start.plusDays(200);
        }
        if (end.isAfter(LocalDate.of(2021, 3, 31))) {
            end = LocalDate.of(2021, 3, 31);
        }
        String degree = "study".equals(s.kind) ? studyDegree(r, founder) : null;
        Ep mine = episode(r, s.kind, s.inst, s.country, start, end, degree);
        List<Ep> eps = new ArrayList<>();
        if (!"study".equals(s.kind) && r.p(0.75)) {
            // studied abroad before working at the same employer as the leader
            LocalDate se = LocalDate.of(mine.start.getYear() - (mine.start.getMonthValue() >= 7 ? 0 : 1), 6, r.between(10, 30));
            String d = studyDegree(r, founder);
            eps.add(episode(r, "study", Ref.university(r, s.country), s.country,
                LocalDate.of(se.getYear() - years(r, d, s.country), 9, r.between(1, 25)), se, d));
        }
        eps.add(mine);
        LocalDate t = mine.end;
        if ("study".equals(s.kind) && r.p(founder ? 0.664 : 0.5)) {
            LocalDate ws = t.plusDays(r.between(20, 120));
            LocalDate we = ws.plusDays(r.between(420, 365 * 4));
            if (we.isBefore(LocalDate.of(2021, 6, 30))) {
                eps.add(episode(r, "work", Ref.employer(r, s.country), s.country, ws, we, null));
                t = we;
            }
        }
        p.eps.addAll(eps);
        p.worked = p.eps.stream().anyMatch(e -> !"study".equals(e.kind));
        LocalDate lastEnd = p.eps.get(p.eps.size() - 1).end;
        p.ret = p.cat == STAYER ? lastEnd : lastEnd.plusDays(r.between(3, 150));
        Ep first = p.eps.get(0);
        int age = "study".equals(first.kind) ? ("bachelor".equals(first.degree) ? 18 : r.between(21, 26)) : r.between(23, 32);
        p.birth = first.start.minusYears(age).minusDays(r.between(0, 364));
        p.degree = highest(r, p, p.eps.stream().anyMatch(e -> "study".equals(e.kind)));
        finishReturnee(p);
    }

    private void finishReturnee(P p) {
        // the date from which the person is a returnee (indicators.md), with the written dates
        LocalDate since = null;
        for (Ep e : p.eps) {
            if (e.end != null && "study".equals(e.kind) && e.degree != null && !"none".equals(e.degree)) {
                since = since == null || e.end.isBefore(since) ? e.end : since;
            }
        }
        LocalDate u = unionReach(p.eps);
        if (u != null && (since == null || u.isBefore(since))) {
            since = u;
        }
        p.returneeSince = since;
    }

    /** The day on which the union of ended episodes first reaches 365 days, or null. */
    static LocalDate unionReach(List<Ep> eps) {
        List<Ep> ended = new ArrayList<>();
        for (Ep e : eps) {
            if (e.end != null) {
                ended.add(e);
            }
        }
        ended.sort((a, b) -> a.end.compareTo(b.end));
        // check after each episode end (the union only grows when an episode ends)
        for (int k = 0; k < ended.size(); k++) {
            List<Ep> sub = new ArrayList<>(ended.subList(0, k + 1));
            sub.sort((a, b) -> a.start.compareTo(b.start));
            long days = 0;
            LocalDate cs = null;
            LocalDate ce = null;
            for (Ep e : sub) {
                if (cs == null || e.start.isAfter(ce)) {
                    if (cs != null) {
                        days += ChronoUnit.DAYS.between(cs, ce) + 1;
                    }
                    cs = e.start;
                    ce = e.end;
                } else if (e.end.isAfter(ce)) {
                    ce = e.end;
                }
            }
            if (cs != null) {
                days += ChronoUnit.DAYS.between(cs, ce) + 1;
            }
            if (days >= 365) {
                return ended.get(k).end;
            }
        }
        return null;
    }

    private void returneeMoves(P p) {
        Rng r = p.r;
        LocalDate firstStart = p.eps.get(0).start;
        if (p.cat == STAYER) {
            LocalDate a = firstStart.minusDays(r.between(200, 3000));
            LocalDate min = p.birth.plusYears(17);
            if (a.isBefore(min)) {
                a = min;
            }
            if (!a.isBefore(firstStart)) {
                a = firstStart.minusDays(1);
            }
            p.moves.add(new Mv(a, true, district(r)));
            p.inCity = p.ret;
            if (p.role == NONE && r.p(0.08)) {
                LocalDate l = after(r, p.ret, 200);
                if (l != null) {
                    p.moves.add(new Mv(l, false, null));
                }
            }
            return;
        }
        if (p.cat == NOMOVE) {
            p.inCity = p.ret;
            return;
        }
        // ARRIVER
        if (r.p(0.12)) {
            LocalDate a = LocalDate.of(p.birth.getYear() + 18, 9, r.between(1, 20));
            if (a.isBefore(firstStart.minusDays(60))) {
                p.moves.add(new Mv(a, true, district(r)));
                if (r.p(0.75)) {
                    p.moves.add(new Mv(firstStart.minusDays(r.between(5, 60)), false, null));
                }
            }
        }
        p.moves.add(new Mv(p.ret, true, district(r)));
        p.inCity = p.ret;
        double years = ChronoUnit.DAYS.between(p.ret, HORIZON) / 365.25;
        if (p.role == NONE && p.ret.getYear() <= 2015 && r.p(Calibration.P_ABROAD_TWICE)) {
            // went abroad a second time and (mostly) came back again
            LocalDate l = p.ret.plusDays(r.between(700, 2000));
            if (l.isBefore(HORIZON.minusDays(400))) {
                p.moves.add(new Mv(l, false, null));
                String cc = Ref.WORK_COUNTRIES[r.weighted(Ref.WORK_CUM)];
                LocalDate s = l.plusDays(r.between(10, 60));
                LocalDate e = s.plusDays(r.between(400, 1100));
                if (e.isBefore(HORIZON.minusDays(60))) {
                    p.eps.add(episode(r, "work", Ref.employer(r, cc), cc, s, e, null));
                    p.moves.add(new Mv(e.plusDays(r.between(5, 60)), true, district(r)));
                } else {
                    Ep still = episode(r, "work", Ref.employer(r, cc), cc, s, s, null);
                    still.end = null;
                    p.eps.add(still);
                }
                p.worked = true;
                return;
            }
        }
        double pLeave = Math.min(0.3, Calibration.LEAVE_PER_YEAR * years) * (p.role == NONE ? 1 : 0.5);
        if (r.p(pLeave)) {
            LocalDate l = after(r, p.ret, 200);
            if (l != null) {
                p.moves.add(new Mv(l, false, null));
                if (r.p(Calibration.P_COME_BACK)) {
                    LocalDate b = l.plusDays(r.between(200, 1500));
                    if (!b.isAfter(HORIZON)) {
                        p.moves.add(new Mv(b, true, district(r)));
                    }
                }
            }
        }
    }

    private void buildStillAbroad(P p) {
        Rng r = p.r;
        String cc = Ref.STUDY_COUNTRIES[r.weighted(Ref.STUDY_CUM)];
        String degree = r.p(0.7) ? "master" : "doctorate";
        LocalDate start = LocalDate.of(p.ret.getYear(), 9, r.between(1, 25));
        if (start.isAfter(HORIZON)) {
            start = LocalDate.of(p.ret.getYear() - 1, 9, r.between(1, 25));
        }
        if (r.p(0.3)) {
            LocalDate be = LocalDate.of(start.getYear(), 6, r.between(10, 30));
            p.eps.add(episode(r, "study", Ref.university(r, cc), cc, LocalDate.of(be.getYear() - 4, 9, r.between(1, 25)), be, "bachelor"));
        }
        Ep e = episode(r, "study", Ref.university(r, cc), cc, start, start, degree);
        e.end = null;
        p.eps.add(e);
        int age = p.eps.size() == 2 ? 18 : r.between(21, 24);
        p.birth = p.eps.get(0).start.minusYears(age).minusDays(r.between(0, 364));
        p.degree = "bachelor"; // abroad for a master's or doctorate now: a bachelor's, here or abroad
        if (r.p(0.3)) {
            LocalDate a = LocalDate.of(p.birth.getYear() + 18, 9, r.between(1, 20));
            if (a.isBefore(p.eps.get(0).start.minusDays(60))) {
                p.moves.add(new Mv(a, true, district(r)));
                if (r.p(0.8)) {
                    p.moves.add(new Mv(p.eps.get(0).start.minusDays(r.between(5, 60)), false, null));
                }
            }
        }
        finishReturnee(p);
    }

    private void buildNonReturnee(P p) {
        Rng r = p.r;
        LocalDate a = p.ret;
        p.birth = a.minusYears(r.between(18, 34)).minusDays(r.between(0, 364));
        if (p.birth.getYear() < 1945) {
            p.birth = p.birth.withYear(1945 + r.below(10));
        }
        double d = r.u();
        p.degree = d < 0.55 ? "bachelor" : d < 0.8 ? "master" : d < 0.85 ? "doctorate" : "other";
        if (r.p(0.25)) {
            // a short spell abroad that does not make a returnee: an exchange term or a posting under a year
            String cc = Ref.STUDY_COUNTRIES[r.weighted(Ref.STUDY_CUM)];
            LocalDate s = p.birth.plusYears(r.between(20, 30)).plusDays(r.between(0, 300));
            if (s.isBefore(HORIZON.minusDays(400))) {
                boolean exchange = r.p(0.5);
                Ep e = episode(r, exchange ? "study" : "work", exchange ? Ref.university(r, cc) : Ref.employer(r, cc), cc,
                    s, s.plusDays(exchange ? r.between(100, 200) : r.between(60, 300)), exchange ? "none" : null);
                p.eps.add(e);
                p.worked = !exchange;
            }
        }
        if (r.p(0.92) || p.role != NONE) {
            p.moves.add(new Mv(a, true, district(r)));
            p.inCity = a;
            if (p.role == NONE && r.p(0.08)) {
                LocalDate l = after(r, a, 200);
                if (l != null) {
                    p.moves.add(new Mv(l, false, null));
                }
            }
        }
        finishReturnee(p);
    }

    private static String studyDegree(Rng r, boolean founder) {
        double x = r.u();
        if (founder) {
            return x < 0.14 ? "bachelor" : x < 0.73 ? "master" : "doctorate";
        }
        return x < 0.24 ? "bachelor" : x < 0.86 ? "master" : "doctorate";
    }

    private static int years(Rng r, String degree, String cc) {
        return switch (degree) {
            case "bachelor" -> cc.equals("GB") && r.p(0.5) ? 3 : 4;
            case "master" -> (cc.equals("GB") || cc.equals("AU") || cc.equals("HK") || cc.equals("SG")) && r.p(0.75) ? 1 : 2;
            default -> r.between(4, 6);
        };
    }

    private static String highest(Rng r, P p, boolean studied) {
        int best = 0;
        for (Ep e : p.eps) {
            if ("study".equals(e.kind) && e.degree != null) {
                best = Math.max(best, rank(e.degree));
            }
        }
        if (!studied || r.p(0.05)) {
            // work-only returnees: domestic degree; a few studied for a higher degree at home afterwards
            double x = r.u();
            int dom = p.role == LEADER || p.role == COFOUNDER ? (x < 0.25 ? 1 : x < 0.8 ? 2 : 3) : (x < 0.45 ? 1 : x < 0.85 ? 2 : 3);
            best = Math.max(best, dom);
        }
        return best == 3 ? "doctorate" : best == 2 ? "master" : best == 1 ? "bachelor" : "other";
    }

    private static int rank(String degree) {
        return switch (degree) {
            case "doctorate" -> 3;
            case "master" -> 2;
            case "bachelor" -> 1;
            default -> 0;
        };
    }

    private Ep episode(Rng r, String kind, Ref.Institution inst, String cc, LocalDate start, LocalDate end, String degree) {
        Ep e = new Ep();
        e.kind = kind;
        e.inst = inst;
        e.text = Ref.spelling(r, inst);
        e.country = cc;
        double x = r.u();
        e.startPrec = x < 0.75 ? 0 : x < 0.95 ? 1 : 2;
        e.start = cut(start, e.startPrec);
        e.endPrec = r.p(0.78) ? 0 : 1;
        e.end = cut(end, e.endPrec);
        if (e.end.isBefore(e.start)) {
            e.end = e.start;
        }
        e.degree = degree;
        return e;
    }

    static LocalDate cut(LocalDate d, int prec) {
        return prec == 0 ? d : prec == 1 ? d.withDayOfMonth(1) : d.withDayOfYear(1);
    }

    static LocalDate day(Rng r, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return from.plusDays((long) (r.u() * (span + 1)));
    }

    /** A day at least {@code minGap} days after {@code d} and not after the horizon, or null. */
    static LocalDate after(Rng r, LocalDate d, int minGap) {
        LocalDate from = d.plusDays(minGap);
        if (from.isAfter(HORIZON)) {
            return null;
        }
        return day(r, from, HORIZON);
    }

    static String district(Rng r) {
        return Ref.DISTRICTS[r.weighted(Ref.DISTRICT_CUM)];
    }

    void writePerson(P p) {
        Rng r = p.r;
        String[] row = out.add(T.PERSONS);
        row[T.P_ID] = p.id;
        String[] names = Names.person(r, p.gender);
        row[T.P_ZH] = names[0];
        row[T.P_EN] = names[1];
        boolean hasId = r.p(0.86);
        if (hasId) {
            String area = Ref.ID_AREAS[r.weighted(Ref.ID_AREA_CUM)];
            // sequence: odd for men, even for women; part of it comes from the person index so
            // that two persons rarely share a number
            int seq = (int) ((p.index % 500) * 2 + (p.gender == 'M' ? 1 : 0));
            String first17 = area + date(p.birth).replace("-", "") + pad("", seq, 3);
            row[T.P_IDNO] = first17 + IdentityNumber.checkCharacter(first17);
        }
        row[T.P_GENDER] = r.p(0.92) ? (r.p(0.8) ? String.valueOf(p.gender) : (p.gender == 'M' ? "男" : "女")) : null;
        if (r.p(0.85)) {
            row[T.P_BIRTH] = !hasId && r.p(0.3) ? date(p.birth, 1) : date(p.birth);
        }
        row[T.P_DEGREE] = r.p(0.95) ? p.degree : null;
        row[T.P_FIELD] = r.p(0.93) ? p.field : null;
        int k = 0;
        for (Ep e : p.eps) {
            String[] x = out.add(T.EPISODES);
            x[T.X_ID] = "X" + p.id.substring(1) + "-" + (++k);
            x[T.X_PERSON] = p.id;
            x[T.X_KIND] = e.kind;
            x[T.X_INST] = e.text;
            // one source in ten also records a stable institution id (the university's web domain);
            // decided by a hash, not the person's stream, so that the calibrated draws stay as they are
            if (e.inst.domain() != null && Math.floorMod(Rng.mix(seed * 31 + p.index * 64 + k), 10) == 0) {
                x[T.X_INST_ID] = e.inst.domain();
            }
            x[T.X_COUNTRY] = e.country;
            x[T.X_START] = date(e.start, e.startPrec);
            x[T.X_END] = e.end == null ? null : date(e.end, e.endPrec);
            x[T.X_DEGREE] = e.degree;
        }
        k = 0;
        p.moves.sort((a, b) -> a.date.compareTo(b.date));
        for (Mv m : p.moves) {
            String[] x = out.add(T.MOVES);
            x[T.M_ID] = "M" + p.id.substring(1) + "-" + (++k);
            x[T.M_PERSON] = p.id;
            x[T.M_DATE] = date(m.date);
            x[T.M_EVENT] = m.arrive ? "arrive" : "leave";
            x[T.M_DISTRICT] = m.district;
        }
        if (p.returneeSince != null && p.inCity != null && r.p(0.04)) {
            int y = Math.min(LAST_YEAR, p.inCity.getYear() + r.between(0, 2));
            String[] s = out.add(T.SUPPORT);
            s[T.S_ID] = "S" + p.id.substring(1);
            s[T.S_PERSON] = p.id;
            s[T.S_PROGRAM] = r.pick(Ref.PERSON_PROGRAMS);
            s[T.S_YEAR] = Integer.toString(y);
            s[T.S_AMOUNT] = r.p(0.8) ? money(Math.round(r.logNormal(80_000, 0.6) / 1000.0) * 1000.0) : null;
        }
    }
}
