package org.haigui.synth;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.haigui.ids.CreditCode;
import org.haigui.ids.IdentityNumber;

/**
 * Generates one block of {@value #BLOCK} persons: their own records from per-person streams
 * (seed, person index), then, from the block's stream (seed, block index), the firms they found
 * with their teams, the firms' yearly figures, support and survey answers.
 */
final class BlockGen {

    /** Persons per block. */
    static final int BLOCK = 100;
    /** Records end here: nothing is dated later. */
    static final LocalDate HORIZON = LocalDate.of(2021, 12, 31);
    static final int LAST_YEAR = 2021;

    // person categories
    static final int ARRIVER = 0;   // returned from abroad and registered an arrival in the city
    static final int STAYER = 1;    // registered in the city before going abroad, never registered leaving
    static final int NONRET = 2;    // never abroad long enough to be a returnee
    static final int ABROAD = 3;    // abroad now (an episode without end date)
    static final int NOMOVE = 4;    // a returnee with no city move on record

    // roles in a firm
    static final int NONE = 0;
    static final int LEADER = 1;
    static final int COFOUNDER = 2;
    static final int CORE = 3;

    private static final double[] CATEGORY_CUM = Rng.cumulative(Calibration.P_ARRIVER, Calibration.P_STAYER,
        Calibration.P_NONRET, Calibration.P_ABROAD, Calibration.P_NOMOVE);
    private static final LocalDate[] SEG_START;
    private static final LocalDate[] SEG_END;
    private static final double[] SEG_CUM;
    private static final String[] MARKETS = {"US", "JP", "DE", "GB", "SG", "KR", "FR", "AU", "CA", "NL", "IT", "IN", "VN", "TH", "MY", "ID", "AE", "BR", "HK", "ES"};

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

    /** One overseas episode; dates are effective (already cut to the precision written). */
    static final class Ep {
        String kind;
        Ref.Institution inst;
        String text;
        String country;
        LocalDate start;
        int startPrec;
        LocalDate end; // null = still abroad
        int endPrec;
        String degree;
    }

    static final class Mv {
        final LocalDate date;
        final boolean arrive;
        final String district;

        Mv(LocalDate date, boolean arrive, String district) {
            this.date = date;
            this.arrive = arrive;
            this.district = district;
        }
    }

    /** A person while the block is built. */
    static final class P {
        long index;
        String id;
        Rng r;
        int cat;
        char gender;
        LocalDate birth;
        LocalDate ret;      // ARRIVER/NOMOVE: return arrival; STAYER: last episode end; NONRET: arrival
        int role = NONE;
        boolean tieTarget;  // a team member whose overseas episode is shared with the leader
        Ep shared;          // the leader's episode this member shares
        P tiedTo;
        boolean schoolmate;
        final List<Ep> eps = new ArrayList<>();
        final List<Mv> moves = new ArrayList<>();
        String degree;
        String field;
        boolean worked;
        LocalDate returneeSince;
        LocalDate inCity;   // when the person could first act in the city (returned, or arrived)
        String firmId;      // first firm, for the survey
    }

    private final long seed;
    private final Block out;
    private final List<P> persons = new ArrayList<>();
    private final Rng br;

    private BlockGen(long seed, long blockIndex) {
        this.seed = seed;
        this.out = new Block(blockIndex);
        this.br = new Rng(seed, blockIndex, 0x5EEDB10CL);
    }

    /** Generates block {@code blockIndex} of a population of {@code total} persons. */
    static Block generate(long seed, long blockIndex, long total) {
        BlockGen g = new BlockGen(seed, blockIndex);
        long first = blockIndex * BLOCK;
        long last = Math.min(total, first + BLOCK);
        for (long i = first; i < last; i++) {
            g.persons.add(g.skeleton(i));
        }
        List<Firm> firms = g.plan();
        for (P p : g.persons) {
            if (p.role == LEADER || (p.role != NONE && !p.tieTarget)) {
                g.detail(p);
            }
        }
        for (P p : g.persons) {
            if (p.role == NONE) {
                g.detail(p);
            }
        }
        for (P p : g.persons) {
            if (p.tieTarget) {
                p.shared = sharedEpisode(p.tiedTo, p.schoolmate);
                g.detail(p);
            }
        }
        for (P p : g.persons) {
            g.writePerson(p);
        }
        for (Firm f : firms) {
            g.firm(f);
        }
        return g.out;
    }

    // ---------------------------------------------------------------- persons

    private P skeleton(long index) {
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

    private void detail(P p) {
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
    private static Ep sharedEpisode(P leader, boolean schoolmate) {
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

    private static LocalDate day(Rng r, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return from.plusDays((long) (r.u() * (span + 1)));
    }

    /** A day at least {@code minGap} days after {@code d} and not after the horizon, or null. */
    private static LocalDate after(Rng r, LocalDate d, int minGap) {
        LocalDate from = d.plusDays(minGap);
        if (from.isAfter(HORIZON)) {
            return null;
        }
        return day(r, from, HORIZON);
    }

    private static String district(Rng r) {
        return Ref.DISTRICTS[r.weighted(Ref.DISTRICT_CUM)];
    }

    private void writePerson(P p) {
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

    // ---------------------------------------------------------------- firms

    /** A firm and its team (persons of this block). */
    static final class Firm {
        final int number;
        final boolean returnee;
        final List<P> founders = new ArrayList<>();
        final List<P> core = new ArrayList<>();

        Firm(int number, boolean returnee) {
            this.number = number;
            this.returnee = returnee;
        }
    }

    private List<Firm> plan() {
        List<P> ret = new ArrayList<>();
        List<P> oth = new ArrayList<>();
        LocalDate latest = LocalDate.of(2021, 3, 31);
        for (P p : persons) {
            if ((p.cat == ARRIVER || p.cat == STAYER) && !p.ret.isAfter(latest)) {
                ret.add(p);
            } else if (p.cat == NONRET && !p.ret.isAfter(latest)) {
                oth.add(p);
            }
        }
        double scale = persons.size() / (double) BLOCK;
        int nr = br.poisson(Calibration.RETURNEE_FIRMS_PER_BLOCK * scale);
        int no = br.poisson(Calibration.OTHER_FIRMS_PER_BLOCK * scale);
        List<Firm> firms = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < nr && !ret.isEmpty() && number < 16; i++) {
            Firm f = new Firm(number++, true);
            P leader = take(ret, null);
            leader.role = LEADER;
            f.founders.add(leader);
            boolean tiedTeam = br.p(Calibration.P_TIED_TEAM);
            int extra = br.weighted(Rng.cumulative(0.45, 0.35, 0.2));
            int core = br.weighted(Rng.cumulative(0.25, 0.3, 0.25, 0.12, 0.08));
            for (int k = 0; k < extra + core; k++) {
                boolean isFounder = k < extra;
                boolean asReturnee = br.p(isFounder ? 0.6 : 0.5);
                P m = asReturnee ? take(ret, leader) : take(oth, null);
                if (m == null) {
                    continue;
                }
                m.role = isFounder ? COFOUNDER : CORE;
                if (asReturnee && tiedTeam && br.p(0.75)) {
                    m.tieTarget = true;
                    m.tiedTo = leader;
                    m.schoolmate = br.p(0.6);
                }
                (isFounder ? f.founders : f.core).add(m);
            }
            firms.add(f);
        }
        for (int i = 0; i < no && !oth.isEmpty() && number < 16; i++) {
            Firm f = new Firm(number++, false);
            int nf = 1 + br.weighted(Rng.cumulative(0.5, 0.35, 0.15));
            int core = br.weighted(Rng.cumulative(0.35, 0.3, 0.2, 0.15));
            for (int k = 0; k < nf + core; k++) {
                boolean isFounder = k < nf;
                P m = !isFounder && br.p(0.15) ? take(ret, null) : take(oth, null);
                if (m == null) {
                    continue;
                }
                m.role = isFounder ? (k == 0 ? LEADER : COFOUNDER) : CORE;
                (isFounder ? f.founders : f.core).add(m);
            }
            if (!f.founders.isEmpty()) {
                firms.add(f);
            }
        }
        return firms;
    }

    /** Removes and returns a person from the pool (the closest in return date to {@code near} of a few tries). */
    private P take(List<P> pool, P near) {
        if (pool.isEmpty()) {
            return null;
        }
        int best = br.below(pool.size());
        if (near != null) {
            long bestGap = Long.MAX_VALUE;
            for (int k = 0; k < 6; k++) {
                int c = br.below(pool.size());
                long gap = Math.abs(ChronoUnit.DAYS.between(pool.get(c).ret, near.ret));
                if (gap < bestGap) {
                    bestGap = gap;
                    best = c;
                }
            }
        }
        return pool.remove(best);
    }

    private void firm(Firm f) {
        long entNo = out.index * 16 + f.number;
        Rng r = new Rng(seed, entNo, 0xF1A3L);
        String id = pad("F", entNo, 10);
        // ties: the leader's episodes are set, so tied members have been built to share one
        LocalDate ready = LocalDate.MIN;
        for (P p : f.founders) {
            LocalDate c = p.inCity != null ? p.inCity : p.ret;
            if (c.isAfter(ready)) {
                ready = c;
            }
        }
        long maxGap = ChronoUnit.DAYS.between(ready, HORIZON);
        long gap = 30 + (long) (Math.pow(r.u(), 1.6) * Math.min(maxGap - 30, 3600));
        LocalDate founded = ready.plusDays(Math.max(0, gap));
        if (founded.isAfter(HORIZON)) {
            founded = HORIZON;
        }
        int fy = founded.getYear();
        String district = f.returnee && r.p(0.35) ? r.pick(new String[] {"310115", "310104", "310112", "310117", "310114"}) : district(r);
        String zone = null;
        List<Ref.Zone> zones = new ArrayList<>();
        for (Ref.Zone z : Ref.ZONES) {
            if (z.district().equals(district)) {
                zones.add(z);
            }
        }
        if (!zones.isEmpty() && r.p(f.returnee ? 0.65 : 0.3)) {
            zone = r.pick(r.pick(zones).spellings());
        }
        Ref.Industry ind = Ref.INDUSTRIES[r.weighted(f.returnee ? Ref.INDUSTRY_RETURNEE_CUM : Ref.INDUSTRY_OTHER_CUM)];

        // life: death hazard, growth type, profit onset
        double hazardEarly = f.returnee ? 0.05 : 0.08;
        double hazardLate = f.returnee ? 0.035 : 0.055;
        int deathYear = Integer.MAX_VALUE;
        for (int y = fy; y <= LAST_YEAR; y++) {
            if (r.p(y - fy < 3 ? hazardEarly : hazardLate)) {
                deathYear = y;
                break;
            }
        }
        LocalDate dissolved = null;
        if (deathYear <= LAST_YEAR) {
            LocalDate from = deathYear == fy ? founded : LocalDate.of(deathYear, 1, 1);
            dissolved = day(r, from, LocalDate.of(deathYear, 12, 31));
            if (deathYear == fy && r.p(0.5)) {
                deathYear = Integer.MAX_VALUE; // a firm dissolved in its first year is rare: keep it alive
                dissolved = null;
            }
        }
        String[] row = out.add(T.ENTERPRISES);
        row[T.F_ID] = id;
        row[T.F_CREDIT] = r.p(0.95) ? creditCode(entNo, district, founded) : null;
        String[] brand = Names.brand(r, entNo);
        String suffix = r.p(0.8) ? "科技有限公司" : r.p(0.8) ? "有限公司" : "股份有限公司";
        row[T.F_ZH] = "上海" + brand[0] + ind.zhWord() + suffix;
        row[T.F_EN] = r.p(0.6) ? "Shanghai " + brand[1] + " " + ind.enWord() + (suffix.startsWith("股份") ? " Co., Ltd." : " Technology Co., Ltd.") : null;
        row[T.F_FOUNDED] = date(founded);
        row[T.F_DISSOLVED] = dissolved == null ? null : date(dissolved);
        row[T.F_DISTRICT] = district;
        row[T.F_ZONE] = zone;
        row[T.F_INDUSTRY] = ind.code();

        Set<String> founderCountries = new LinkedHashSet<>();
        for (P p : f.founders) {
            String[] e = out.add(T.PEOPLE);
            e[T.E_FIRM] = id;
            e[T.E_PERSON] = p.id;
            e[T.E_ROLE] = "founder";
            if (r.p(0.3)) {
                e[T.E_JOINED] = date(founded);
            }
            for (Ep x : p.eps) {
                founderCountries.add(x.country);
            }
            if (p.firmId == null) {
                p.firmId = id;
            }
        }
        for (P p : f.core) {
            String[] e = out.add(T.PEOPLE);
            e[T.E_FIRM] = id;
            e[T.E_PERSON] = p.id;
            e[T.E_ROLE] = "core";
            LocalDate c = p.inCity != null ? p.inCity : founded;
            LocalDate joined = c.isAfter(founded) ? c.plusDays(r.between(0, 200)) : founded.plusDays(r.between(0, 500));
            if (joined.isAfter(HORIZON)) {
                joined = HORIZON;
            }
            if (r.p(0.9)) {
                boolean month = r.p(0.2);
                e[T.E_JOINED] = date(joined, month ? 1 : 0);
                if (r.p(0.12)) {
                    LocalDate left = after(r, joined, 180);
                    if (left != null) {
                        e[T.E_LEFT] = date(left);
                    }
                }
            }
        }

        years(f, r, id, founded, deathYear, ind, founderCountries);
        support(f, r, id, fy, deathYear);
        survey(f, r, id, founded);
    }

    private void years(Firm f, Rng r, String id, LocalDate founded, int deathYear, Ref.Industry ind, Set<String> founderCountries) {
        int fy = founded.getYear();
        r.u(); // a reserved draw (kept so that the calibrated streams stay as they are)
        double[] typeCum = f.returnee ? Rng.cumulative(0.04, 0.12, 0.48, 0.36) : Rng.cumulative(0.01, 0.05, 0.45, 0.49);
        int type = r.weighted(typeCum);
        // growth types: stars (a few gazelles and future large firms), high growth for some years,
        // steady growth, and small firms that stay small; after the boom years growth stalls
        double g1 = switch (type) {
            case 0 -> 0.45;
            case 1 -> 0.22;
            case 2 -> 0.05;
            default -> 0.0;
        };
        int boomYears = switch (type) {
            case 0 -> r.between(4, 7);
            case 1 -> r.between(3, 6);
            case 2 -> r.between(2, 5);
            default -> 0;
        };
        double g2 = type == 0 ? 0.08 : type == 1 ? 0.03 : type == 2 ? 0.01 : -0.02;
        double emp = Math.max(1, Math.min(40, r.logNormal(f.returnee ? 5 : 4, 0.6)));
        double prod = r.logNormal(f.returnee ? 420_000 : 360_000, 0.45);
        // profit onset: years after founding until the first profitable year (Index 300 figures, Calibration)
        double[] onsetCum = f.returnee ? Calibration.ONSET_RETURNEE_CUM : Calibration.ONSET_OTHER_CUM;
        int onset = r.weighted(onsetCum); // last index = never
        if (onset == onsetCum.length - 1) {
            onset = Integer.MAX_VALUE;
        }
        boolean international = r.p(f.returnee ? 0.45 : 0.14);
        int intlFrom = fy + r.between(0, 3);
        List<String> markets = new ArrayList<>();
        double overseasShare = r.uniform(0.05, 0.6);
        double rdShare = f.returnee ? r.uniform(0.03, 0.16) : r.uniform(0.0, 0.05);
        double patentRate = (f.returnee ? 0.035 : 0.01) * (ind.highTech() ? 1.5 : 0.5);
        boolean highTechEver = r.p(f.returnee ? (ind.highTech() ? 0.55 : 0.15) : (ind.highTech() ? 0.25 : 0.03));
        int highTechFrom = fy + r.between(2, 5);
        double fundingP = f.returnee ? 0.14 : 0.03;
        int last = Math.min(LAST_YEAR, deathYear);
        for (int y = fy; y <= last; y++) {
            int age = y - fy;
            if (age > 0) {
                double g = (age <= boomYears ? g1 : g2) + r.normal(0, 0.10);
                if (y == deathYear) {
                    g -= 0.3;
                }
                emp = Math.max(1, emp * Math.exp(g));
            }
            double frac = age == 0 ? Math.max(0.05, (365 - founded.getDayOfYear()) / 365.0) : 1.0;
            int e = (int) Math.round(emp);
            double revenue = e * prod * frac * Math.pow(1.03, y - 2010) * Math.exp(r.normal(0, 0.15));
            String[] row = out.add(T.YEARS);
            row[T.Y_FIRM] = id;
            row[T.Y_YEAR] = Integer.toString(y);
            if (r.p(0.97)) {
                row[T.Y_EMP] = Integer.toString(e);
                if (r.p(0.9)) {
                    row[T.Y_LOCAL] = Integer.toString((int) Math.floor(e * r.uniform(0.7, 1.0)));
                }
            }
            boolean hasRevenue = r.p(0.96);
            if (hasRevenue) {
                row[T.Y_REV] = money(revenue);
                if (international && y >= intlFrom) {
                    if (markets.isEmpty() || (markets.size() < 6 && r.p(0.2))) {
                        String m = null;
                        if (markets.isEmpty() && f.returnee && !founderCountries.isEmpty() && r.p(0.7)) {
                            m = founderCountries.iterator().next();
                        }
                        if (m == null || markets.contains(m)) {
                            m = r.pick(MARKETS);
                        }
                        if (!markets.contains(m)) {
                            markets.add(m);
                        }
                    }
                    row[T.Y_OREV] = money(revenue * Math.min(1.0, overseasShare * Math.exp(r.normal(0, 0.2))));
                    row[T.Y_MARKETS] = String.join(";", markets);
                } else if (r.p(0.7)) {
                    row[T.Y_OREV] = "0";
                }
                row[T.Y_RD] = r.p(0.9) ? money(revenue * rdShare) : null;
                double margin = age >= onset ? r.normal(0.09, 0.05) : -Math.abs(r.normal(0.25, 0.15)) - 0.01;
                if (age >= onset && r.p(0.08)) {
                    margin = -Math.abs(r.normal(0.05, 0.05)) - 0.005;
                }
                if (age >= onset && margin <= 0.001 && age <= onset) {
                    margin = 0.02;
                }
                double profit = revenue * margin;
                if (r.p(0.97)) {
                    row[T.Y_PROFIT] = money(profit);
                }
                if (r.p(0.95)) {
                    row[T.Y_TAX] = money(revenue * r.uniform(0.015, 0.05) + Math.max(0, profit) * 0.15);
                }
            } else if (age >= onset && r.p(0.5)) {
                row[T.Y_PROFIT] = money(Math.abs(r.logNormal(200_000, 1)));
            } else if (age < onset && r.p(0.5)) {
                row[T.Y_PROFIT] = money(-Math.abs(r.logNormal(200_000, 1)));
            }
            if (r.p(0.95)) {
                row[T.Y_PATENTS] = Integer.toString(r.poisson(e * patentRate));
            }
            if (r.p(0.9)) {
                double fp = fundingP * (type == 0 ? 2.5 : type == 1 ? 1.5 : 0.6) * (age < 6 ? 1 : 0.4);
                row[T.Y_FUNDING] = r.p(fp) ? money(Math.round(r.logNormal(type <= 1 ? 20_000_000 : 3_000_000, 0.9) / 10_000.0) * 10_000.0) : "0";
            }
            if (r.p(0.92)) {
                row[T.Y_HIGHTECH] = highTechEver && y >= highTechFrom ? "true" : "false";
            }
        }
    }

    private void support(Firm f, Rng r, String id, int fy, int deathYear) {
        int last = Math.min(LAST_YEAR, deathYear);
        int k = 0;
        double p = f.returnee ? 0.09 : 0.02;
        for (int y = fy; y <= last; y++) {
            if (r.p(y - fy < 3 ? p * 1.6 : p * 0.6)) {
                String[] s = out.add(T.SUPPORT);
                s[T.S_ID] = "SF" + pad("", out.index * 16 + f.number, 10) + "-" + (++k);
                s[T.S_FIRM] = id;
                if (r.p(0.1)) {
                    s[T.S_PERSON] = f.founders.get(0).id;
                }
                s[T.S_PROGRAM] = r.pick(Ref.FIRM_PROGRAMS);
                s[T.S_YEAR] = Integer.toString(y);
                s[T.S_AMOUNT] = r.p(0.85) ? money(Math.round(r.logNormal(300_000, 0.9) / 1000.0) * 1000.0) : null;
            }
        }
    }

    private void survey(Firm f, Rng r, String id, LocalDate founded) {
        if (!f.returnee) {
            return;
        }
        for (P p : f.founders) {
            if (p.returneeSince == null || !id.equals(p.firmId) || !r.p(Calibration.P_SURVEYED)) {
                continue;
            }
            String resp = "R" + p.id.substring(1);
            String weight = decimal4(r.uniform(0.5, 2.5));
            List<String> res = new ArrayList<>();
            if (r.p(Calibration.SURVEY_TECH)) {
                res.add("tech_advantage");
            }
            if (r.p(Calibration.SURVEY_TEAM)) {
                res.add("form_team");
            }
            if (r.p(Calibration.SURVEY_CONTACTS)) {
                res.add("business_contacts");
            }
            if (res.isEmpty()) {
                res.add("none");
            }
            answer(resp, "overseas_resources", String.join(";", res), weight, p.id, id);
            answer(resp, "senior_position_abroad", p.worked && r.p(Calibration.SURVEY_SENIOR_IF_WORKED) ? "yes" : "no", weight, p.id, id);
            answer(resp, "founded_business_abroad", p.worked && r.p(Calibration.SURVEY_FOUNDED_IF_WORKED) ? "yes" : "no", weight, p.id, id);
            List<String> mot = new ArrayList<>();
            if (r.p(Calibration.SURVEY_PASSION)) {
                mot.add("passion_innovation");
            }
            if (r.p(0.5)) {
                mot.add("market_opportunity");
            }
            if (r.p(0.35)) {
                mot.add("policy_support");
            }
            if (mot.isEmpty()) {
                mot.add("other");
            }
            answer(resp, "motivation", String.join(";", mot), weight, p.id, id);
            String[] diff = {"financing", "talent", "market_access", "costs", "policy"};
            answer(resp, "main_difficulty", diff[r.weighted(Rng.cumulative(0.35, 0.25, 0.2, 0.12, 0.08))], weight, p.id, id);
            if (r.p(0.9)) {
                answer(resp, "support_satisfaction", Integer.toString(1 + r.weighted(Rng.cumulative(0.05, 0.1, 0.3, 0.35, 0.2))), weight, p.id, id);
            }
        }
    }

    private void answer(String resp, String q, String a, String weight, String person, String firm) {
        String[] s = out.add(T.SURVEY);
        s[T.Q_RESP] = resp;
        s[T.Q_QUESTION] = q;
        s[T.Q_ANSWER] = a;
        s[T.Q_WEIGHT] = weight;
        s[T.Q_PERSON] = person;
        s[T.Q_FIRM] = firm;
    }

    // ---------------------------------------------------------------- identifiers and formats

    /**
     * A unified social credit code: 9 (registered with the market regulator), 1 (enterprise), the
     * district, the organisation code, the check character. Firms registered before the reform of
     * October 2015 keep their old 8-digit organisation code with its GB 11714 check character;
     * later ones get a new-style code starting "MA". The organisation code encodes the firm number,
     * so codes are unique.
     */
    static String creditCode(long entNo, String district, LocalDate founded) {
        StringBuilder sb = new StringBuilder(18).append("91").append(district);
        if (founded.isBefore(LocalDate.of(2015, 10, 1))) {
            String digits = pad("", entNo % 100_000_000L, 8);
            int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * w[i];
            }
            int c = 11 - sum % 11;
            sb.append(digits).append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        } else {
            sb.append("MA");
            char[] cs = new char[7];
            long v = entNo;
            for (int i = 6; i >= 0; i--) {
                cs[i] = CreditCode.CHARSET.charAt((int) (v % 31));
                v /= 31;
            }
            sb.append(cs);
        }
        sb.append(CreditCode.checkCharacter(sb));
        return sb.toString();
    }

    static String pad(String prefix, long n, int width) {
        String s = Long.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, s.length())).append(prefix);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    static String date(LocalDate d) {
        return date(d, 0);
    }

    /** ISO date at a precision: 0 day, 1 month (YYYY-MM), 2 year (YYYY). */
    static String date(LocalDate d, int prec) {
        char[] c = new char[prec == 0 ? 10 : prec == 1 ? 7 : 4];
        int y = d.getYear();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        if (prec <= 1) {
            int m = d.getMonthValue();
            c[4] = '-';
            c[5] = (char) ('0' + m / 10);
            c[6] = (char) ('0' + m % 10);
        }
        if (prec == 0) {
            int dd = d.getDayOfMonth();
            c[7] = '-';
            c[8] = (char) ('0' + dd / 10);
            c[9] = (char) ('0' + dd % 10);
        }
        return new String(c);
    }

    /** Yuan with two decimals, no thousands separator. */
    static String money(double yuan) {
        long cents = Math.round(yuan * 100);
        boolean neg = cents < 0;
        long a = Math.abs(cents);
        StringBuilder sb = new StringBuilder(16);
        if (neg) {
            sb.append('-');
        }
        sb.append(a / 100).append('.');
        long f = a % 100;
        if (f < 10) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }

    static String decimal4(double v) {
        long x = Math.round(v * 10000);
        StringBuilder sb = new StringBuilder().append(x / 10000).append('.');
        String f = Long.toString(x % 10000);
        for (int i = f.length(); i < 4; i++) {
            sb.append('0');
        }
        return sb.append(f).toString();
    }
}
