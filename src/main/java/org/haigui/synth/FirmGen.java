package org.haigui.synth;

import static org.haigui.synth.BlockGen.*;
import static org.haigui.synth.Formats.*;
import static org.haigui.synth.PersonGen.after;
import static org.haigui.synth.PersonGen.day;
import static org.haigui.synth.PersonGen.district;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The firms of a block (the firms section of {@link BlockGen}): from the block's stream (seed,
 * block index), the founding teams planned among the block's persons, then each firm's row, its
 * people, its yearly figures, support and survey answers.
 */
final class FirmGen {

    private static final String[] MARKETS = {"US", "JP", "DE", "GB", "SG", "KR", "FR", "AU", "CA", "NL", "IT", "IN", "VN", "TH", "MY", "ID", "AE", "BR", "HK", "ES"};

    private final long seed;
    private final Block out;
    private final List<P> persons;
    private final Rng br;

    FirmGen(long seed, Block out, List<P> persons, Rng br) {
        this.seed = seed;
        this.out = out;
        this.persons = persons;
        this.br = br;
    }

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

    List<Firm> plan() {
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

    void firm(Firm f) {
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
}
