// Haigui Observatory dashboard: plain JavaScript over the JSON API (/api/v1), charts by ECharts.
(function () {
  'use strict';
  const T = window.HG_TEXT;
  const state = { lang: localStorage.getItem('haigui.lang') || 'zh', session: null, catalogue: null, page: 'overview' };
  const $ = (id) => document.getElementById(id);
  const charts = [];

  function t(key, vars) {
    let s = (T[state.lang] && T[state.lang][key]) || key;
    if (vars) { Object.keys(vars).forEach((k) => { s = s.split('{' + k + '}').join(vars[k]); }); }
    return s;
  }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]); }
  function el(tag, attrs, html) { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (html != null) e.innerHTML = html; return e; }

  async function api(path, opts) {
    opts = opts || {};
    const headers = Object.assign({}, opts.headers || {});
    if (opts.method && opts.method !== 'GET') headers['X-CSRF-Token'] = state.session ? state.session.csrf : '';
    const r = await fetch('/api/v1' + path, Object.assign({ credentials: 'same-origin' }, opts, { headers }));
    const type = r.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await r.json() : await r.text();
    if (!r.ok) { const err = new Error(body && body.message ? (state.lang === 'zh' ? body.message_zh : body.message) : r.status); err.body = body; throw err; }
    return body;
  }

  function num(v, unit) {
    if (v == null || v === '') return '';
    const x = Number(v);
    if (unit === 'share') return (x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + '%';
    const digits = Math.abs(x) >= 100 || Number.isInteger(x) ? 0 : 2;
    return x.toLocaleString('en-US', { maximumFractionDigits: digits });
  }
  function base(f) { return f == null ? '' : String(f).split(/[\\/]/).pop(); }
  function def(id) { return state.catalogue && state.catalogue.indicators.find((e) => e.id === id); }
  function title(d) { return state.lang === 'zh' ? d.title_zh : d.title_en; }
  function method(d) { return state.lang === 'zh' ? d.method_zh : d.method_en; }
  function cell(row, unit) { return row.suppressed ? '<span class="sup">' + t('suppressed') + '</span>' : esc(num(row.value, unit)); }
  function label(bd, cat) {
    const m = state.catalogue && state.catalogue.labels && state.catalogue.labels[bd];
    const n = m && m[cat];
    return n ? (state.lang === 'zh' ? n.zh : n.en) : (cat === 'unknown' ? t('unknown') : cat);
  }
  function bdTitle(id) {
    const b = state.catalogue.breakdowns.find((x) => x.id === id) || (state.catalogue.labels && state.catalogue.labels._breakdowns
      && state.catalogue.labels._breakdowns[id] && { title_zh: state.catalogue.labels._breakdowns[id].zh, title_en: state.catalogue.labels._breakdowns[id].en });
    return b ? (state.lang === 'zh' ? b.title_zh : b.title_en) : id;
  }

  function applyTexts() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    document.title = t('title');
  }

  function asOf() { return $('asOf').value || (state.catalogue && state.catalogue.as_of_default); }
  function breakdown() { return $('breakdown').value; }

  async function loadSession() {
    state.session = await api('/session');
    const role = state.session.role;
    $('who').textContent = state.session.username ? state.session.username + ' · ' + t('role_' + role) : t('role_public');
    $('loginBtn').hidden = role !== 'public';
    $('logoutBtn').hidden = role === 'public';
    document.querySelectorAll('nav a[data-role]').forEach((a) => { a.hidden = a.dataset.role !== role; });
  }

  async function loadCatalogue() {
    state.catalogue = await api('/catalogue');
    if (!$('asOf').value) $('asOf').value = state.catalogue.as_of_default;
    const c = state.catalogue.city;
    $('city').textContent = c ? (state.lang === 'zh' ? c.zh : c.en) : '';
    const sel = $('breakdown'); const cur = sel.value;
    sel.innerHTML = '<option value="">' + esc(t('bd.none')) + '</option>';
    state.catalogue.breakdowns.filter((b) => b.id !== 'table').forEach((b) => sel.appendChild(el('option', { value: b.id }, esc(bdTitle(b.id)))));
    sel.value = cur;
  }

  // only: 'total' for the rows without a breakdown plus nothing else (the overview's headline figures)
  async function figures(ids, only) {
    const have = ids.filter((id) => def(id));
    if (!have.length) return { rows: [], figures: '' };
    const r = await api('/indicators?indicator=' + encodeURIComponent(have.join(',')) + '&as_of=' + encodeURIComponent(asOf()) +
      (only ? '&breakdown=' + encodeURIComponent(only) : ''));
    const badge = $('figures');
    badge.textContent = t(r.figures === 'raw' ? 'raw' : 'protected');
    badge.className = 'badge' + (r.figures === 'raw' ? ' raw' : '');
    // after an import the previous figures answer until the new ones are computed: say so
    const note = $('refreshing');
    note.hidden = !r.refreshing;
    note.textContent = r.refreshing ? t('refreshing', { batch: r.data_batch }) : '';
    if (r.refreshing && !state.refreshTimer) state.refreshTimer = setTimeout(() => { state.refreshTimer = null; render(); }, 20000);
    return r;
  }

  function card(d, wide) {
    const c = el('div', { className: 'card' + (wide ? ' wide' : '') });
    c.dataset.indicator = d.id;
    c.appendChild(el('h3', {}, esc(title(d))));
    return c;
  }
  function how(c, d) {
    const det = el('details', { className: 'how' });
    det.appendChild(el('summary', {}, esc(t('how'))));
    det.appendChild(el('p', {}, esc(method(d))));
    c.appendChild(det);
  }
  // ECharts is loaded once the first page's figures are on the screen (its parsing would hold them back);
  // until then a chart waits in a queue, and render() draws the queue when ECharts is there
  const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.common.min.js';
  let echartsLoad = null;
  function loadECharts() {
    if (!echartsLoad) {
      echartsLoad = new Promise((resolve) => {
        if (window.echarts) { resolve(); return; }
        const s = document.createElement('script');
        s.src = ECHARTS;
        s.onload = () => resolve(); s.onerror = () => resolve();
        document.head.appendChild(s);
      });
    }
    return echartsLoad;
  }
  const pendingCharts = [];
  function chart(c, option) {
    const div = el('div', { className: 'chart' });
    c.appendChild(div);
    pendingCharts.push(() => {
      if (!window.echarts || !div.isConnected) return;
      const ch = echarts.init(div);
      ch.setOption(Object.assign({ animation: false, grid: { left: 8, right: 16, top: 34, bottom: 8, containLabel: true }, tooltip: { trigger: 'axis' } }, option));
      charts.push(ch);
    });
  }
  function nextPaint() { return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))); }

  // One indicator: by breakdown (the chosen one, if it has it) for the latest period, else totals over time.
  function renderIndicator(main, d, rows, opts) {
    opts = opts || {};
    const c = card(d, opts.wide);
    main.appendChild(c); // before the chart: ECharts measures the element it draws in
    const mine = rows.filter((r) => r.indicator === d.id);
    // the chosen breakdown if the indicator has it, else its totals, else its first breakdown (e.g. by industry only)
    let bd = breakdown() && d.breakdowns.includes(breakdown()) ? breakdown() : '';
    if (!mine.some((r) => r.breakdown === bd) && mine.length) bd = mine[0].breakdown;
    let rs = mine.filter((r) => r.breakdown === bd);
    if (!rs.length) { c.appendChild(el('p', { className: 'loading' }, esc(t('none')))); how(c, d); return; }
    const grouped = d.groups !== 'none';
    const periods = [...new Set(rs.map((r) => r.period))];
    if (bd) { const last = periods[periods.length - 1]; rs = rs.filter((r) => r.period === last); }
    const cats = bd ? [...new Set(rs.map((r) => r.category))] : periods;
    const xs = bd ? cats.map((x) => label(bd, x)) : periods;
    const groups = grouped ? [...new Set(rs.map((r) => r.group))].filter((g) => g !== 'difference') : [''];
    const series = groups.map((g) => ({
      name: g ? t(g) : title(d), type: bd || xs.length < 3 || grouped ? 'bar' : 'line',
      data: xs.map((x) => { const r = rs.find((q) => (!grouped || q.group === g) && (bd ? label(bd, q.category) === x : q.period === x)); return r && !r.suppressed && r.value != null ? Number(r.value) : null; })
    }));
    const scale = d.unit === 'share' ? 100 : 1;
    series.forEach((s) => { s.data = s.data.map((v) => (v == null ? null : v * scale)); });
    chart(c, { legend: grouped ? { top: 0 } : undefined, xAxis: { type: 'category', data: xs, axisLabel: { rotate: xs.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', name: d.unit === 'share' ? '%' : '' }, series });
    // the table, with intervals
    const tbl = el('table');
    tbl.innerHTML = '<thead><tr><th>' + esc(bd ? bdTitle(bd) : t('period')) + '</th>' + (grouped ? '<th>' + esc(t('group')) + '</th>' : '') +
      '<th class="n">' + esc(t('value')) + '</th><th class="n">' + esc(t('interval')) + '</th></tr></thead>';
    const tb = el('tbody');
    rs.slice(-40).forEach((r) => {
      const ci = r.ci_low != null && !r.suppressed ? '[' + num(r.ci_low, d.unit) + ', ' + num(r.ci_high, d.unit) + ']' : '';
      tb.appendChild(el('tr', {}, '<td>' + esc(bd ? label(bd, r.category) : r.period) + '</td>' + (grouped ? '<td>' + esc(t(r.group)) + '</td>' : '') +
        '<td class="n">' + cell(r, d.unit) + '</td><td class="n">' + esc(ci) + '</td>'));
    });
    tbl.appendChild(tb);
    const sc = el('div', { className: 'scroll' }); sc.appendChild(tbl); c.appendChild(sc);
    how(c, d);
  }

  async function indicatorPage(main, ids) {
    const present = ids.filter((id) => def(id));
    const r = await figures(present);
    present.forEach((id) => renderIndicator(main, def(id), r.rows));
    return r;
  }

  function idsWith(prefix) { return state.catalogue.indicators.filter((e) => e.id.startsWith(prefix) && e.available).map((e) => e.id); }

  const pages = {
    async overview(main) {
      const ids = ['stock', 'inflow.window5', 'inflow.window5_multiple', 'inflow.ytd', 'inflow.ytd_vs_last_year', 'inflow.year'];
      const r = await figures(ids, breakdown() ? null : 'total');
      const total = (id) => r.rows.filter((x) => x.indicator === id && x.breakdown === '');
      const last = (id) => { const a = total(id); return a.length ? a[a.length - 1] : null; };
      const c = el('div', { className: 'card wide' });
      c.appendChild(el('h3', {}, esc(t('headline'))));
      const h = el('div', { className: 'headline' });
      ['stock', 'inflow.window5', 'inflow.window5_multiple', 'inflow.ytd', 'inflow.ytd_vs_last_year'].forEach((id) => {
        const d = def(id); const v = last(id); if (!d) return;
        const k = el('div', { className: 'kpi' }); k.dataset.indicator = id;
        k.innerHTML = '<div class="v">' + (v ? cell(v, d.unit) : '–') + '</div><div class="l">' + esc(title(d)) + (v && v.period ? ' · ' + esc(v.period) : '') + '</div>';
        const det = el('details'); det.appendChild(el('summary', {}, esc(t('how')))); det.appendChild(el('p', {}, esc(method(d)))); k.appendChild(det);
        h.appendChild(k);
      });
      c.appendChild(h);
      const s = last('stock'), w = last('inflow.window5'), m = last('inflow.window5_multiple'), y = last('inflow.ytd'), q = last('inflow.ytd_vs_last_year');
      const txt = [];
      if (s && !s.suppressed) txt.push(t('sentence_stock', { date: asOf(), stock: num(s.value) }));
      if (w && m && !w.suppressed && !m.suppressed) txt.push(t('sentence_window', { window: w.period, inflow: num(w.value), multiple: num(m.value) }));
      if (y && q && !y.suppressed && !q.suppressed) txt.push(t('sentence_ytd', { ytd: num(y.value), ratio: num(q.value) }));
      c.appendChild(el('p', { className: 'sentence' }, esc(txt.join(' '))));
      main.appendChild(c);
      if (def('inflow.year')) renderIndicator(main, def('inflow.year'), r.rows, { wide: true });
    },
    async arrivals(main) { await indicatorPage(main, ['inflow.year', 'inflow.quarter', 'stock', 'inflow.window5', 'stock.share_entrepreneur']); },
    async firms(main) {
      const ids = idsWith('ent.').filter((id) => id !== 'ent.market_tie_share' && id !== 'ent.priority_industry_share' && id !== 'ent.key_zone_share');
      await indicatorPage(main, ids);
    },
    async teams(main) { await indicatorPage(main, idsWith('team.').concat(['ent.market_tie_share'])); },
    async blueprint(main) {
      const fit = idsWith('fit.');
      if (!fit.length) main.appendChild(el('div', { className: 'card wide' }, '<p class="loading">' + esc(t('noFit')) + '</p>'));
      const ids = fit.concat(['ent.priority_industry_share', 'ent.key_zone_share']).filter((id) => def(id));
      const r = await figures(ids);
      ids.forEach((id) => (id === 'fit.gap' ? gapTable(main, def(id), r.rows) : renderIndicator(main, def(id), r.rows)));
      const role = state.session && state.session.role;
      if (role === 'analyst' || role === 'researcher') main.appendChild(await unmatchedZones());
    },
    async survey(main) { const r = await figures(idsWith('survey.')); idsWith('survey.').forEach((id) => renderIndicator(main, def(id), r.rows, { wide: true })); },
    async quality(main) {
      if (!state.session || state.session.role !== 'analyst') { main.appendChild(el('div', { className: 'card wide' }, esc(t('needLogin')))); return; }
      const up = el('div', { className: 'card wide', id: 'uploadCard' });
      up.innerHTML = '<h3>' + esc(t('upload')) + '</h3><form id="uploadForm"><input type="file" id="uploadFile" name="file" accept=".csv,.xlsx"> ' +
        '<button type="submit" id="uploadBtn">' + esc(t('uploadBtn')) + '</button></form><div id="uploadResult"></div>';
      main.appendChild(up);
      $('uploadForm').addEventListener('submit', async (e) => {
        e.preventDefault();
        const f = $('uploadFile').files[0]; if (!f) return;
        const fd = new FormData(); fd.append('file', f);
        const out = $('uploadResult'); out.innerHTML = '<p class="loading">' + esc(t('loading')) + '</p>';
        try {
          const r = await api('/imports', { method: 'POST', body: fd });
          out.innerHTML = '<p class="ok">' + esc(t('uploaded', { read: r.read_rows, rejected: r.rejected_rows })) + '</p>' + rejectedTable(r.rejected);
          loadBatches();
        } catch (err) { out.innerHTML = '<p class="error">' + esc(err.message) + '</p>'; }
      });
      const b = el('div', { className: 'card wide' });
      b.innerHTML = '<h3>' + esc(t('batches')) + '</h3><div class="scroll" id="batches"></div><div id="batchRows"></div>';
      main.appendChild(b);
      await loadBatches();
      await indicatorPage(main, idsWith('data.'));
      const u = el('div', { className: 'card wide' });
      const un = await api('/institutions/unmatched?limit=30');
      u.innerHTML = '<h3>' + esc(t('unmatched')) + '</h3><div class="scroll"><table><tr><th></th><th class="n">' + esc(t('episodes')) + '</th></tr>' +
        un.unmatched.map((x) => '<tr><td>' + esc(x.name) + '</td><td class="n">' + esc(x.episodes) + '</td></tr>').join('') + '</table></div>';
      main.appendChild(u);
      main.appendChild(await unmatchedZones());
    },
    async admin(main) {
      if (!state.session || state.session.role !== 'admin') { main.appendChild(el('div', { className: 'card wide' }, esc(t('needLogin')))); return; }
      const us = await api('/users');
      const c = el('div', { className: 'card wide' });
      c.innerHTML = '<h3>' + esc(t('users')) + '</h3><table><tr><th>' + esc(t('username')) + '</th><th>' + esc(t('role')) + '</th><th></th></tr>' +
        us.users.map((u) => '<tr><td>' + esc(u.username) + '</td><td>' + esc(t('role_' + u.role.toLowerCase())) + '</td><td><button data-remove="' + esc(u.username) + '">' + esc(t('remove')) + '</button></td></tr>').join('') +
        '</table><form id="addUser" class="row" style="margin-top:.6rem;flex-wrap:wrap"><input id="nu" placeholder="' + esc(t('username')) + '" required>' +
        '<select id="nr"><option value="analyst">' + esc(t('role_analyst')) + '</option><option value="researcher">' + esc(t('role_researcher')) + '</option><option value="admin">' + esc(t('role_admin')) + '</option></select>' +
        '<input id="np" type="password" placeholder="' + esc(t('password')) + '" required><button type="submit">' + esc(t('add')) + '</button></form><p id="userMsg" class="error"></p>';
      main.appendChild(c);
      c.querySelectorAll('button[data-remove]').forEach((btn) => btn.addEventListener('click', async () => {
        try { await api('/users/' + encodeURIComponent(btn.dataset.remove), { method: 'DELETE' }); render(); } catch (e) { $('userMsg').textContent = e.message; }
      }));
      $('addUser').addEventListener('submit', async (e) => {
        e.preventDefault();
        try {
          await api('/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: $('nu').value, role: $('nr').value, password: $('np').value }) });
          render();
        } catch (err) { $('userMsg').textContent = err.message; }
      });
      const a = await api('/audit?limit=200');
      const l = el('div', { className: 'card wide' });
      l.innerHTML = '<h3>' + esc(t('audit')) + '</h3><div class="scroll"><table><tr><th>' + esc(t('when')) + '</th><th>' + esc(t('username')) + '</th><th>' + esc(t('action')) +
        '</th><th>' + esc(t('target')) + '</th><th>' + esc(t('from')) + '</th></tr>' +
        a.entries.map((x) => '<tr><td>' + esc(String(x.happened_at || '').slice(0, 19).replace('T', ' ')) + '</td><td>' + esc(x.username) + '</td><td>' + esc(T[state.lang]['act_' + x.action] ? t('act_' + x.action) : x.action) + '</td><td>' + esc(x.target) + '</td><td>' + esc(x.remote) + '</td></tr>').join('') + '</table></div>';
      main.appendChild(l);
    }
  };

  // Zone names of the enterprises that name no key zone (researchers: only those written by enough enterprises).
  async function unmatchedZones() {
    const c = el('div', { className: 'card wide', id: 'unmatchedZones' });
    let z;
    try { z = await api('/zones/unmatched?limit=30'); } catch (e) { c.innerHTML = '<h3>' + esc(t('unmatchedZones')) + '</h3><p class="loading">' + esc(e.message) + '</p>'; return c; }
    const w = z.withheld;
    c.innerHTML = '<h3>' + esc(t('unmatchedZones')) + '</h3><div class="scroll"><table><tr><th></th><th class="n">' + esc(t('enterprises')) + '</th><th>' + esc(t('closestZone')) + '</th></tr>' +
      z.unmatched.map((x) => '<tr><td>' + esc(x.name) + '</td><td class="n">' + esc(x.enterprises) + '</td><td>' + esc(x.closest_zone ? label('zone', x.closest_zone) + ' (' + num(x.similarity) + ')' : '') + '</td></tr>').join('') +
      (w && w.names ? '<tr><td>' + esc(t('withheldNames', { names: w.names })) + '</td><td class="n">' + (w.suppressed ? '<span class="sup">' + esc(t('suppressed')) + '</span>' : esc(w.enterprises)) + '</td><td></td></tr>' : '') +
      '</table></div>';
    return c;
  }

  // The gap table: per priority industry its share of the returnee talent and of the returnee-founded firms, side by side.
  function gapTable(main, d, rows) {
    const c = card(d, true);
    main.appendChild(c);
    const rs = rows.filter((r) => r.indicator === d.id);
    const cats = [...new Set(rs.map((r) => r.category))];
    const of = (bd, cat) => rs.find((r) => r.breakdown === bd && r.category === cat);
    const tbl = el('table', { className: 'gap' });
    tbl.innerHTML = '<thead><tr><th>' + esc(bdTitle('priority_industry')) + '</th><th class="n">' + esc(t('gapTalent')) + '</th><th class="n">' +
      esc(t('gapFirms')) + '</th></tr></thead><tbody>' + cats.map((cat) => {
      const a = of('talent', cat); const b = of('firms', cat);
      return '<tr><td>' + esc(label('talent', cat)) + '</td><td class="n">' + (a ? cell(a, d.unit) : '') + '</td><td class="n">' + (b ? cell(b, d.unit) : '') + '</td></tr>';
    }).join('') + '</tbody>';
    if (cats.length) chart(c, { legend: { top: 0 }, xAxis: { type: 'category', data: cats.map((x) => label('talent', x)), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', name: d.unit === 'share' ? '%' : '' },
      series: [['talent', 'gapTalent'], ['firms', 'gapFirms']].map(([bd, key]) => ({ name: t(key), type: 'bar',
        data: cats.map((x) => { const r = of(bd, x); return r && !r.suppressed && r.value != null ? Number(r.value) * (d.unit === 'share' ? 100 : 1) : null; }) })) });
    const sc = el('div', { className: 'scroll' }); sc.appendChild(tbl); c.appendChild(sc);
    if (!cats.length) c.appendChild(el('p', { className: 'loading' }, esc(t('none'))));
    how(c, d);
  }

  function rejectedTable(rows) {
    if (!rows || !rows.length) return '';
    return '<h4>' + esc(t('rejectedRows')) + '</h4><div class="scroll"><table class="rejected"><tr><th>' + esc(t('file')) + '</th><th>' + esc(t('row')) + '</th><th>' + esc(t('errors')) + '</th></tr>' +
      rows.map((r) => '<tr><td>' + esc(base(r.file_name)) + '</td><td class="n">' + esc(r.row_number) + '</td><td>' +
        (Array.isArray(r.errors) ? r.errors.map((e) => esc(e.column + ': ' + e.reason + (e.value ? ' (' + e.value + ')' : ''))).join('<br>') : esc(r.errors)) + '</td></tr>').join('') + '</table></div>';
  }

  async function loadBatches() {
    const b = await api('/imports?limit=50');
    const box = $('batches'); if (!box) return;
    box.innerHTML = '<table><tr><th>#</th><th>' + esc(t('table')) + '</th><th>' + esc(t('file')) + '</th><th class="n">' + esc(t('read')) + '</th><th class="n">' +
      esc(t('inserted')) + '</th><th class="n">' + esc(t('updated')) + '</th><th class="n">' + esc(t('rejected')) + '</th><th></th></tr>' +
      b.batches.map((x) => '<tr><td>' + esc(x.batch_id) + '</td><td>' + esc(x.table_name) + '</td><td>' + esc(base(x.file_name)) + '</td><td class="n">' + esc(x.rows_read) + '</td><td class="n">' +
        esc(x.inserted) + '</td><td class="n">' + esc(x.updated) + '</td><td class="n">' + esc(x.rejected) + '</td><td>' +
        (x.rejected > 0 ? '<button data-batch="' + esc(x.batch_id) + '">' + esc(t('show')) + '</button>' : '') + '</td></tr>').join('') + '</table>';
    box.querySelectorAll('button[data-batch]').forEach((btn) => btn.addEventListener('click', async () => {
      const r = await api('/imports/' + btn.dataset.batch + '/rejected');
      $('batchRows').innerHTML = rejectedTable(r.rows);
    }));
  }

  async function render() {
    charts.splice(0).forEach((c) => c.dispose());
    pendingCharts.length = 0;
    const main = $('main');
    main.innerHTML = '';
    main.dataset.ready = 'false';
    $('figures').textContent = ''; $('figures').className = 'badge'; // set again by the page's figures, in the current language
    $('refreshing').hidden = true;
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === state.page));
    try {
      await (pages[state.page] || pages.overview)(main);
    } catch (err) {
      main.appendChild(el('div', { className: 'card wide' }, '<p class="error">' + esc(err.message) + '</p>'));
    }
    // for the navigation timing (the first marks of a visit are its first page's): the figures are on the screen ...
    if (!window.echarts) await nextPaint();
    if (window.performance && performance.mark) performance.mark('hg-figures');
    await loadECharts();
    pendingCharts.splice(0).forEach((draw) => draw());
    main.dataset.ready = 'true';
    main.dataset.page = state.page;
    // ... and the charts are drawn
    if (window.performance && performance.mark) performance.mark('hg-ready');
  }

  function route() { state.page = (location.hash || '#overview').slice(1); render(); }

  async function start() {
    applyTexts();
    $('lang').addEventListener('click', async () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('haigui.lang', state.lang);
      applyTexts(); await loadSession(); await loadCatalogue(); render();
    });
    $('asOf').addEventListener('change', () => { loadCatalogue().then(render); });
    $('breakdown').addEventListener('change', render);
    $('loginBtn').addEventListener('click', () => { $('loginForm').reset(); $('loginError').textContent = ''; $('loginDialog').showModal(); });
    $('loginCancel').addEventListener('click', () => $('loginDialog').close());
    $('loginForm').addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api('/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
        $('password').value = '';
        $('loginDialog').close();
        await loadSession(); render();
      } catch (err) { $('loginError').textContent = t('loginFailed') + ': ' + err.message; }
    });
    $('logoutBtn').addEventListener('click', async () => { await api('/session', { method: 'DELETE' }); await loadSession(); location.hash = '#overview'; render(); });
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
    await Promise.all([loadSession(), loadCatalogue()]);
    route();
  }
  // a deferred script runs once the document is parsed: start at once
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
