#!/usr/bin/env python3
"""The figures of the comparison benchmark of issue 13 (test resource bench/figures.sql) computed
with pandas straight from the import CSVs: for a measurement beside the DuckDB script and the
product, never needed by the build or the tests.

usage: python3 src/test/resources/bench/pandas_figures.py DATA_DIR REF_DIR [AS_OF [OUT_CSV]]

DATA_DIR holds the import CSVs of a clean synthetic city (haigui synth), REF_DIR the reference CSVs
the DuckDB script reads (registry_norms.csv, zone_keys.csv; FiguresBenchmark writes them into
DIR/ref); AS_OF defaults to 2021-09-30. Writes the figures as tidy CSV (the columns of
`haigui indicators`) to OUT_CSV (default: figures-pandas.csv) and prints the wall time.
Same figures as the script: point estimates of every cell, Wilson intervals of the shares and
Newcombe's hybrid score interval of their differences; no bootstrap intervals.
"""
import sys
import time
import unicodedata

T0 = time.perf_counter()

import numpy as np
import pandas as pd

T_IMPORT = time.perf_counter() - T0

DATA, REF = sys.argv[1], sys.argv[2]
ASOF = pd.Timestamp(sys.argv[3] if len(sys.argv) > 3 else "2021-09-30")
OUT = sys.argv[4] if len(sys.argv) > 4 else "figures-pandas.csv"
Y = ASOF.year
Z = 1.959963984540054
YTD = f"{Y}-01-01..{ASOF.date()}"


def read(table, cols):
    return pd.read_csv(f"{DATA}/{table}.csv", dtype=str, keep_default_na=False, na_values=[""], usecols=cols)


def pdate(s):
    s = s.str.strip()
    n = s.str.len()
    s = s.where(n != 4, s + "-01-01").where(n != 7, s + "-01")
    return pd.to_datetime(s, format="%Y-%m-%d")


def norm(name):
    """The spec's name normalisation: NFKC, case folding, trim, leading 'the ', & to and, letters and digits."""
    if not isinstance(name, str):
        return ""
    s = unicodedata.normalize("NFKC", name).lower().upper().lower().replace("\u03c2", "\u03c3").strip()
    if s.startswith("the "):
        s = s[4:]
    s = s.replace("&", "and")
    return "".join(c for c in s if unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd")


def enum(s, mapping):
    return s.str.strip().str.lower().map(mapping)


t_start = time.perf_counter()

# ---------------------------------------------------------------- persons
p = read("persons", ["person_id", "id_number", "gender", "birth_date", "highest_degree", "field"])
p["person_id"] = p.person_id.str.strip()
idn = p.id_number.str.strip().str.upper()
has_id = (idn.str.len() == 18).fillna(False)
gender = enum(p.gender, {"m": "M", "男": "M", "male": "M", "f": "F", "女": "F", "female": "F"})
id_gender = pd.Series(np.where(pd.to_numeric(idn.str[16], errors="coerce") % 2 == 1, "M", "F"), index=p.index)
p["gender"] = gender.where(~(p.gender.isna() & has_id), id_gender)
birth = pdate(p.birth_date)
p["birth"] = birth.where(~(birth.isna() & has_id), pd.to_datetime(idn.str[6:14], format="%Y%m%d", errors="coerce"))
p["degree"] = enum(p.highest_degree, {"bachelor": "bachelor", "学士": "bachelor", "本科": "bachelor", "master": "master",
                                      "硕士": "master", "研究生": "master", "doctorate": "doctorate", "博士": "doctorate",
                                      "phd": "doctorate", "other": "other", "其他": "other"})
p["field"] = p.field.str.strip()

# ---------------------------------------------------------------- episodes, returnees
ep = read("overseas_episodes", ["person_id", "episode_id", "kind", "institution", "institution_id", "country", "start_date",
                                "end_date", "degree"])
ep["person_id"] = ep.person_id.str.strip()
ep["episode_id"] = ep.episode_id.str.strip()
ep["kind"] = enum(ep.kind, {"study": "study", "学习": "study", "work": "work", "工作": "work", "research": "research",
                            "研究": "research"})
ep["degree_ok"] = ep.degree.str.strip().str.lower().isin(["bachelor", "学士", "本科", "master", "硕士", "doctorate", "博士", "phd"])
ep["country"] = ep.country.str.strip().str.upper()
ep["s"] = pdate(ep.start_date)
ep["e"] = pdate(ep.end_date)
ep = ep[ep.s <= ASOF].copy()
ep["e_end"] = ep.e.where(ep.e <= ASOF)

ended = ep[ep.e_end.notna()]
deg = ended[(ended.kind == "study") & ended.degree_ok].groupby("person_id").e_end.min()
epoch = pd.Timestamp("1970-01-01")
x = pd.DataFrame({"person_id": ended.person_id.values, "s": (ended.s - epoch).dt.days.values,
                  "e": (ended.e_end - epoch).dt.days.values})
# candidates T: end dates where the summed lengths of the episodes ended by then reach 365, before the degree
lens = (x.assign(l=x.e - x.s + 1).groupby(["person_id", "e"], sort=True).l.sum().groupby(level=0).cumsum()).reset_index()
cand = lens[lens.l >= 365][["person_id", "e"]].rename(columns={"e": "t"})
deg_days = (deg - epoch).dt.days
cand = cand[~(cand.t >= cand.person_id.map(deg_days))]
u = cand.merge(x, on="person_id")
u = u[u.e <= u.t].sort_values(["person_id", "t", "s", "e"])
keys = [u.person_id, u.t]
pm = u.groupby(["person_id", "t"]).e.cummax().groupby([u.person_id, u.t]).shift()
u["days"] = np.select([pm.isna() | (u.s > pm), u.e > pm], [u.e - u.s + 1, u.e - pm], 0)
cov = u.groupby(["person_id", "t"]).days.sum()
cov = cov[cov >= 365].reset_index().groupby("person_id").t.min()
cov = epoch + pd.to_timedelta(cov, unit="D")
ret = pd.concat([deg, cov]).groupby(level=0).min().rename("since")
ret.index.name = "person_id"

# ---------------------------------------------------------------- moves
mv = read("city_moves", ["move_id", "person_id", "date", "event", "district"])
mv["person_id"] = mv.person_id.str.strip()
mv["move_id"] = mv.move_id.str.strip()
mv["d"] = pd.to_datetime(mv.date.str.strip(), format="%Y-%m-%d")
mv["event"] = enum(mv.event, {"arrive": "arrive", "来沪": "arrive", "leave": "leave", "离沪": "leave"})
mv["district"] = mv.district.str.strip()
mv = mv[mv.d <= ASOF]
arr = mv[mv.event == "arrive"]
ra = arr.merge(ret, left_on="person_id", right_index=True)
ra = ra[ra.d >= ra.since][["person_id", "d"]]
ra_year = ra.d.dt.year

# breakdown values of the returnees
la = arr.sort_values(["person_id", "d", "move_id"]).drop_duplicates("person_id", keep="last").set_index("person_id").district
lc = ep.sort_values(["person_id", "s", "episode_id"]).drop_duplicates("person_id", keep="last").set_index("person_id").country
pa = pd.DataFrame(index=ret.index)
pa["district"] = la.reindex(pa.index).fillna("unknown")
pa["country"] = lc.reindex(pa.index).fillna("unknown")
pp = p.set_index("person_id").reindex(pa.index)
pa["degree"] = pp.degree.fillna("unknown")
pa["field"] = pp.field.fillna("unknown")
pa["gender"] = pp.gender.fillna("unknown")
b = pp.birth
age = Y - b.dt.year - ((b.dt.month * 100 + b.dt.day) > (ASOF.month * 100 + ASOF.day)).astype(int)
pa["age_band"] = np.select([age.isna() | (age < 0), age < 30, age < 40, age < 50], ["unknown", "<30", "30-39", "40-49"], "50+")
PB = ["district", "country", "degree", "field", "gender", "age_band"]

years = list(range(int(mv.d.dt.year.min()), Y + 1)) if len(mv) else []

# stock: the latest move by D is an arrive (same date: the leave last)
last = mv.assign(lv=(mv.event == "leave").astype(int)).sort_values(["person_id", "d", "lv", "move_id"]) \
    .drop_duplicates("person_id", keep="last")
stock = last[(last.event == "arrive") & last.person_id.isin(ret.index)].person_id

rows = []


def add(indicator, period, group, breakdown, category, value, num=None, den=None, lo=None, hi=None):
    rows.append((indicator, period, group, breakdown, category, value, num, den, lo, hi))


# person counts
ry = pd.DataFrame({"person_id": ra.person_id.values, "y": ra_year.values}).drop_duplicates()
w5 = pd.DataFrame({"person_id": np.repeat(ry.person_id.values, 5), "t": np.repeat(ry.y.values, 5) + np.tile(np.arange(5), len(ry))})
w5 = w5[w5.t <= Y].drop_duplicates()
units = pd.concat([
    pd.DataFrame({"indicator": "inflow.year", "person_id": ry.person_id, "period": ry.y.astype(str)}),
    pd.DataFrame({"indicator": "inflow.window5", "person_id": w5.person_id, "period": (w5.t - 4).astype(str) + "-" + w5.t.astype(str)}),
    pd.DataFrame({"indicator": "stock", "person_id": stock.values, "period": ""})])
units = units.merge(pa, left_on="person_id", right_index=True)
for (ind, per), n in units.groupby(["indicator", "period"]).size().items():
    add(ind, per, "", "", "", float(n))
for bd in PB:
    for (ind, per, cat), n in units.groupby(["indicator", "period", bd]).size().items():
        add(ind, per, "", bd, cat, float(n))
have_year = set(ry.y)
w = {t: 0 for t in years}
for t, n in w5.groupby("t").size().items():
    w[t] = int(n)
for t in years:
    if t not in have_year:
        add("inflow.year", str(t), "", "", "", 0.0)
    if w[t] == 0:
        add("inflow.window5", f"{t - 4}-{t}", "", "", "", 0.0)
    if t - 5 in w:
        add("inflow.window5_multiple", f"{t - 4}-{t}", "", "", "", w[t] / w[t - 5] if w[t - 5] else None, w[t], w[t - 5])
if len(stock) == 0:
    add("stock", "", "", "", "", 0.0)
q = ra.assign(t=ra.d.dt.year, k=ra.d.dt.quarter).groupby(["t", "k"]).person_id.nunique()
for t in years:
    for k in range(1, 5):
        if t < Y or (k - 1) * 3 < ASOF.month:
            add("inflow.quarter", f"{t}Q{k}", "", "", "", float(q.get((t, k), 0)))
ytd = ra[ra.d >= pd.Timestamp(Y, 1, 1)].person_id.nunique()
last_year = ra[ra_year == Y - 1].person_id.nunique()
add("inflow.ytd", YTD, "", "", "", float(ytd))
add("inflow.ytd_vs_last_year", YTD, "", "", "", ytd / last_year if last_year else None, ytd, last_year)

# ---------------------------------------------------------------- enterprises
people = read("enterprise_people", ["enterprise_id", "person_id", "role", "joined_date"])
people["enterprise_id"] = people.enterprise_id.str.strip()
people["person_id"] = people.person_id.str.strip()
people["role"] = enum(people.role, {"founder": "founder", "创始人": "founder", "core": "core", "核心成员": "core"})
people["joined"] = pdate(people.joined_date)
fo = people[(people.role == "founder") & (people.joined.isna() | (people.joined <= ASOF))]
ret_ent = fo.assign(r=fo.person_id.isin(ret.index).astype(int)).groupby("enterprise_id").r.max()

ent = read("enterprises", ["enterprise_id", "founded_date", "dissolved_date", "district", "zone", "industry"])
ent["enterprise_id"] = ent.enterprise_id.str.strip()
ent["fd"] = pd.to_datetime(ent.founded_date.str.strip(), format="%Y-%m-%d")
ent["dd"] = pd.to_datetime(ent.dissolved_date.str.strip(), format="%Y-%m-%d")
ent = ent[ent.fd <= ASOF].copy()
ent["fy"] = ent.fd.dt.year
ent["dy"] = ent.dd.dt.year.where(ent.dd <= ASOF)
ent["grp"] = ent.enterprise_id.map(ret_ent).map({1: "returnee", 0: "other"})
ent["district"] = ent.district.str.strip()
ent["section"] = ent.industry.str.strip().str[0].str.upper()
zk = pd.read_csv(f"{REF}/zone_keys.csv", dtype=str, keep_default_na=False)
zk = dict(zip(zk.zone_key, zk.zone_id))
zone = ent.zone.str.strip().replace("", np.nan)
zmap = {z: zk.get(norm(z), "other") for z in zone.dropna().unique()}
ent["zone"] = zone.map(zmap).fillna("unknown")
ge = ent[ent.grp.notna()]
eb = pd.concat([ge[["enterprise_id", "grp"]].assign(breakdown="", category="")] +
               [ge[["enterprise_id", "grp", c]].rename(columns={c: "category"}).assign(breakdown=bd)
                for bd, c in [("district", "district"), ("industry_section", "section"), ("zone", "zone")]])

ey = read("enterprise_years", ["enterprise_id", "year", "employees"])
ey["enterprise_id"] = ey.enterprise_id.str.strip()
ey["t"] = ey.year.astype(int)
ey["emp"] = pd.to_numeric(ey.employees)
ey = ey[ey.enterprise_id.isin(ge.enterprise_id) & (ey.t <= Y)]
ey = ey.merge(ey[["enterprise_id", "t", "emp"]].assign(t=ey.t + 3).rename(columns={"emp": "emp3"}), on=["enterprise_id", "t"], how="left")
hg = ey.merge(ge[["enterprise_id", "fy", "dy"]], on="enterprise_id")
hg = hg[(hg.emp3 >= 10) & hg.emp.notna() & (hg.t >= ge.fy.min()) & (hg.t >= hg.fy) & (hg.dy.isna() | (hg.dy >= hg.t))]
eu = [pd.DataFrame({"indicator": "ent.high_growth_rate", "enterprise_id": hg.enterprise_id, "period": hg.t.astype(str),
                    "hit": (1000 * hg.emp > 1331 * hg.emp3).astype(int)})]
for n in (1, 3, 5):
    s = ge[ge.fy + n <= Y]
    eu.append(pd.DataFrame({"indicator": f"ent.survival_{n}y", "enterprise_id": s.enterprise_id, "period": (s.fy + n).astype(str),
                            "hit": (s.dy.isna() | (s.dy >= s.fy + n)).astype(int)}))
eu = pd.concat(eu).merge(eb, on="enterprise_id")
agg = eu.groupby(["indicator", "period", "breakdown", "category", "grp"]).hit.agg(["sum", "count"]).unstack("grp", fill_value=0)


def wilson(xx, nn):
    xx = np.asarray(xx, dtype=float)
    nn = np.asarray(nn, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p_ = xx / nn
        c = 2 * xx + Z * Z
        h = Z * np.sqrt(Z * Z + 4 * xx * (1 - p_))
        d = 2 * (nn + Z * Z)
        lo = np.where(xx == 0, 0.0, np.maximum(0.0, (c - h) / d))
        hi = np.where(xx == nn, 1.0, np.minimum(1.0, (c + h) / d))
    return np.where(nn > 0, p_, np.nan), np.where(nn > 0, lo, np.nan), np.where(nn > 0, hi, np.nan)


def col(name, g):
    return agg[(name, g)].values if (name, g) in agg.columns else np.zeros(len(agg))


x1, n1, x2, n2 = col("sum", "returnee"), col("count", "returnee"), col("sum", "other"), col("count", "other")
p1, l1, h1 = wilson(x1, n1)
p2, l2, h2 = wilson(x2, n2)
dv = p1 - p2
dlo = dv - np.sqrt((p1 - l1) ** 2 + (h2 - p2) ** 2)
dhi = dv + np.sqrt((h1 - p1) ** 2 + (p2 - l2) ** 2)


def nn(v):
    return None if v is None or np.isnan(v) else float(v)


for i, (ind, per, bd, cat) in enumerate(agg.index):
    add(ind, per, "returnee", bd, cat, nn(p1[i]), float(x1[i]), float(n1[i]), nn(l1[i]), nn(h1[i]))
    add(ind, per, "other", bd, cat, nn(p2[i]), float(x2[i]), float(n2[i]), nn(l2[i]), nn(h2[i]))
    add(ind, per, "difference", bd, cat, nn(dv[i]), None, None, nn(dlo[i]), nn(dhi[i]))

# ---------------------------------------------------------------- founding teams and ties
act = ge[(ge.grp == "returnee") & (ge.dy.isna() | (ge.dy >= Y))][["enterprise_id", "fd"]]
tm = act.merge(people, on="enterprise_id")
tm = tm[(tm.joined.isna() | (tm.joined <= ASOF))
        & ((tm.role == "founder") | ((tm.role == "core") & tm.joined.notna() & (tm.joined <= tm.fd + pd.Timedelta(days=365))))]
team = tm[["enterprise_id", "person_id"]]
rn = pd.read_csv(f"{REF}/registry_norms.csv", dtype=str, keep_default_na=False)
rn = dict(zip(rn.norm, rn.name_key))
te = team.merge(ep[["person_id", "kind", "institution", "institution_id", "s", "e"]], on="person_id")
te["kc"] = np.where(te.kind == "study", "S", "W")
te["iid"] = te.institution_id.str.strip().replace("", np.nan)
te["e"] = te.e.where(te.e.notna() & (te.e <= ASOF), ASOF)
keyof = {}
for name in te.institution.dropna().unique():
    k = norm(name)
    keyof[name] = None if k == "" else rn.get(k, "n:" + k)
te["name_key"] = te.institution.map(keyof)
pr = te.merge(te, on=["enterprise_id", "kc"], suffixes=("_a", "_b"))
pr = pr[(pr.person_id_a != pr.person_id_b) & (pr.s_a <= pr.e_b) & (pr.s_b <= pr.e_a)]
same_id = pr.iid_a.notna() & (pr.iid_a == pr.iid_b)
same_name = pr.name_key_a.notna() & (pr.name_key_a == pr.name_key_b) & (pr.iid_a.isna() | pr.iid_b.isna())
fl = pr[same_id | same_name][["enterprise_id", "person_id_a", "kc"]].drop_duplicates()
fl = fl.assign(school=(fl.kc == "S").astype(int), colleague=(fl.kc == "W").astype(int)) \
    .groupby(["enterprise_id", "person_id_a"])[["school", "colleague"]].max().reset_index().rename(columns={"person_id_a": "person_id"})
tt = team.merge(fl, on=["enterprise_id", "person_id"], how="left")
tt["tied"] = tt.school.notna().astype(int)
teams = tt.fillna({"school": 0, "colleague": 0}).groupby("enterprise_id").agg(size=("person_id", "size"), tied=("tied", "sum"),
                                                                                school=("school", "sum"), colleague=("colleague", "sum"))
if len(teams):
    add("team.size_median", "", "returnee", "", "", float(teams["size"].median()))
big = teams[teams["size"] >= 2]
if len(big):
    sz = float(big["size"].sum())
    for ind, c in [("team.tie_share", "tied"), ("team.schoolmate_share", "school"), ("team.colleague_share", "colleague")]:
        add(ind, "", "returnee", "", "", float(big[c].sum()) / sz, float(big[c].sum()), sz)
    xm = float((2 * big.tied >= big["size"]).sum())
    pm_, lm, hm = wilson([xm], [len(big)])
    add("team.tie_majority_share", "", "returnee", "", "", nn(pm_[0]), xm, float(len(big)), nn(lm[0]), nn(hm[0]))

t_figures = time.perf_counter() - t_start


def fmt(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    return repr(float(v))


with open(OUT, "w", encoding="utf-8") as f:
    f.write("indicator,period,group,breakdown,category,value,numerator,denominator,ci_low,ci_high,suppressed\n")
    for r in rows:
        f.write(",".join(list(r[:5]) + [fmt(v) for v in r[5:]]) + ",false\n")
import resource  # noqa: E402 (Unix only)

print(f"pandas {pd.__version__}: {len(rows)} values in {t_figures:.2f} s (import of numpy/pandas {T_IMPORT:.2f} s, "
      f"whole script {time.perf_counter() - T0:.2f} s, cpu {time.process_time():.2f} s, "
      f"peak resident {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)"
      f" -> {OUT}")
