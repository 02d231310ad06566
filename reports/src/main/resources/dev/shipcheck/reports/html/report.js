'use strict';
// Shipcheck report: renders the projects x rules matrix and the results list from the JSON data
// block, lazily (a page of rows at a time), so a report of 140,000 results opens quickly. Every
// string from the data is inserted with textContent, never parsed as markup (Trusted Types in the
// page's CSP would stop any attempt).
(function () {
  const data = JSON.parse(document.getElementById('shipcheck-data').textContent);
  const S = data.strings;
  const C = data.results;
  const N = C.project.length;
  const P = data.projects;
  const RU = data.rules;
  const RN = RU.length;
  const OUT = data.outcomes;
  const SEV = data.severities;
  const PAGE = 100;
  const fmt = new Intl.NumberFormat('en-US');

  const proj = Int32Array.from(C.project);
  const rule = Int32Array.from(C.rule);
  const outc = Int32Array.from(C.outcome);
  const sev = Int32Array.from(C.severity);
  const cset = Int32Array.from(C.clauseSet);
  const msg = Int32Array.from(C.message);
  const rem = Int32Array.from(C.remediation);
  const det = Int32Array.from(C.detail);
  const wai = Int32Array.from(C.waiver);
  // A result that follows from another of its project (no CircleCI config fails the approval
  // gate) is listed right after that result and says so: one problem, with its consequences.
  const cau = Int32Array.from(C.cause);
  const rank = Int32Array.from(OUT.map((o) => o.rank));
  const outcomeIndex = {};
  OUT.forEach((o, i) => { outcomeIndex[o.outcome] = i; });
  const ruleIndex = {};
  RU.forEach((r, i) => { ruleIndex[r.id] = i; });
  const FAIL = outcomeIndex.FAIL;
  // FAILs the baseline already had (reported, not gating), and FAILs an expired waiver names.
  const pre = new Uint8Array(N);
  data.preExisting.forEach((i) => { pre[i] = 1; });
  const lapsedOf = new Map();
  for (let k = 0; k < data.lapsed.length; k += 2) {
    const list = lapsedOf.get(data.lapsed[k]) || [];
    list.push(data.waivers[data.lapsed[k + 1]]);
    lapsedOf.set(data.lapsed[k], list);
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function badge(o) {
    const b = el('span', 'badge ' + o.cssClass);
    const sym = el('span', 'sym', o.symbol);
    sym.setAttribute('aria-hidden', 'true');
    b.append(sym, ' ' + o.label);
    return b;
  }

  // ---------------------------------------------------------------- ordering and filtering
  const orders = {};
  // The result on the same project of the rule a result follows from, or -1.
  let causeIndex = null;
  function causeOf(i) {
    if (cau[i] < 0) return -1;
    if (!causeIndex) {
      causeIndex = new Map();
      for (let j = 0; j < N; j++) {
        if (rule[j] >= 0) causeIndex.set(proj[j] + ' ' + RU[rule[j]].id, j);
      }
    }
    const c = causeIndex.get(proj[i] + ' ' + S[cau[i]]);
    return c === undefined || c === i ? -1 : c;
  }

  function order(key) {
    if (orders[key]) return orders[key];
    const k = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const r = rank[outc[i]];
      switch (key) {
        case 'severity': k[i] = ((sev[i] * 8 + r) * P.length + proj[i]) * RN + rule[i]; break;
        case 'project': k[i] = proj[i] * RN + rule[i]; break;
        case 'rule': k[i] = (rule[i] * 8 + r) * P.length + proj[i]; break;
        default: k[i] = ((r * 8 + sev[i]) * P.length + proj[i]) * RN + rule[i];
      }
    }
    // Keys are whole numbers a rule apart at least, so a fraction keeps a consequence after its
    // cause and before the next result.
    for (let i = 0; i < N; i++) {
      const c = causeOf(i);
      if (c >= 0 && causeOf(c) < 0) k[i] = k[c] + (rule[i] + 1) / (RN + 2);
    }
    const idx = new Int32Array(N);
    for (let i = 0; i < N; i++) idx[i] = i;
    idx.sort((a, b) => k[a] - k[b]);
    orders[key] = idx;
    return idx;
  }

  const state = {
    outcomes: new Set(OUT.map((o, i) => i)), rule: -1, clause: -1, severity: -1,
    project: '', projectExact: -1, text: '', sort: 'worst', gate: '',
  };

  // Search indexes, built on the first search: lower-cased strings and project names, and every
  // result detail's string indexes flattened into one array (details[j] = items[start[j]..start[j+1])).
  let index = null;
  function searchIndex() {
    if (index) return index;
    const start = new Int32Array(data.details.length + 1);
    let total = 0;
    data.details.forEach((parts, j) => {
      start[j] = total;
      total += parts[0].length + parts[1].length + parts[2].length;
    });
    start[data.details.length] = total;
    const items = new Int32Array(total);
    let k = 0;
    data.details.forEach((parts) => {
      for (const arr of parts) for (let x = 0; x < arr.length; x++) items[k++] = arr[x];
    });
    index = {
      strings: S.map((x) => x.toLowerCase()),
      projects: P.map((x) => x.toLowerCase()),
      start,
      items,
    };
    return index;
  }

  function projectMask(q, exact) {
    if (exact >= 0) { const m = new Uint8Array(P.length); m[exact] = 1; return m; }
    if (!q) return null;
    const names = searchIndex().projects;
    const m = new Uint8Array(P.length);
    const ql = q.toLowerCase();
    for (let p = 0; p < P.length; p++) if (names[p].includes(ql)) m[p] = 1;
    return m;
  }

  function textMasks(q) {
    if (!q) return null;
    const ql = q.toLowerCase();
    const ix = searchIndex();
    const L = ix.strings;
    const s = new Uint8Array(L.length);
    for (let j = 0; j < L.length; j++) if (L[j].includes(ql)) s[j] = 1;
    const nd = data.details.length;
    const d = new Uint8Array(nd);
    for (let j = 0; j < nd; j++) {
      for (let k = ix.start[j]; k < ix.start[j + 1]; k++) {
        if (s[ix.items[k]]) { d[j] = 1; break; }
      }
    }
    const r = new Uint8Array(RN);
    RU.forEach((x, j) => { r[j] = (x.id + ' ' + x.title).toLowerCase().includes(ql) ? 1 : 0; });
    const p = projectMask(q, -1);
    const w = new Uint8Array(data.waivers.length);
    data.waivers.forEach((x, j) => {
      w[j] = (x.reason + ' ' + x.approvedBy).toLowerCase().includes(ql) ? 1 : 0;
    });
    return { s, d, r, p, w };
  }

  function clauseMask(c) {
    if (c < 0) return null;
    return Uint8Array.from(data.clauseSets.map((set) => (set.includes(c) ? 1 : 0)));
  }

  const matches = new Int32Array(N);
  let matchCount = 0;
  let rendered = 0;

  function applyFilters() {
    const ord = order(state.sort);
    const pm = projectMask(state.project, state.projectExact);
    const tm = textMasks(state.text);
    const cm = clauseMask(state.clause);
    const om = new Uint8Array(OUT.length);
    state.outcomes.forEach((o) => { om[o] = 1; });
    let n = 0;
    for (let k = 0; k < N; k++) {
      const i = ord[k];
      if (!om[outc[i]]) continue;
      if (state.rule >= 0 && rule[i] !== state.rule) continue;
      if (state.severity >= 0 && sev[i] !== state.severity) continue;
      if (state.gate === 'new' && (outc[i] !== FAIL || pre[i])) continue;
      if (state.gate === 'pre' && !pre[i]) continue;
      if (cm && !cm[cset[i]]) continue;
      if (pm && !pm[proj[i]]) continue;
      if (tm && !(tm.s[msg[i]] || tm.s[rem[i]] || tm.d[det[i]] || tm.r[rule[i]] || tm.p[proj[i]]
          || (wai[i] >= 0 && tm.w[wai[i]]))) continue;
      matches[n++] = i;
    }
    matchCount = n;
    rendered = 0;
    list.replaceChildren();
    renderMoreResults();
    observeResultsEnd();
  }

  // ---------------------------------------------------------------- result rows and details
  const list = document.getElementById('result-list');
  const countLine = document.getElementById('r-count');

  function detailBody(i) {
    const b = el('div', 'body');
    const r = RU[rule[i]];
    const o = OUT[outc[i]];
    b.append(el('h4', null, 'Message'), el('div', 'text', S[msg[i]]));
    if (cau[i] >= 0) {
      b.append(el('h4', null, 'Cause'), el('div', 'text', 'This result follows from '
        + S[cau[i]] + ' on the same project: resolving that resolves this one too.'));
    }
    const parts = data.details[det[i]];
    const ev = parts[0];
    if (ev.length) {
      b.append(el('h4', null, 'Evidence: what the scanner saw'));
      const t = el('table', 'evidence');
      const head = el('tr');
      head.append(el('th', null, 'Source'), el('th', null, 'Where'), el('th', null, 'Observed'));
      t.append(head);
      for (let j = 0; j < ev.length; j += 3) {
        const tr = el('tr');
        const obs = el('td');
        obs.append(el('pre', null, S[ev[j + 2]]));
        tr.append(el('td', null, S[ev[j]]), el('td', 'mono', S[ev[j + 1]]), obs);
        t.append(tr);
      }
      b.append(t);
    }
    if (parts[1].length) {
      b.append(el('h4', null, 'Locations'));
      const ul = el('ul');
      parts[1].forEach((x) => ul.append(el('li', 'mono', S[x])));
      b.append(ul);
    }
    if (S[rem[i]]) {
      b.append(el('h4', null, o.outcome === 'NOT_RUN' ? 'How to enable' : 'Remediation'),
        el('div', 'text', S[rem[i]]));
    }
    if (pre[i]) {
      b.append(el('h4', null, 'Baseline'), el('div', 'prebox',
        'Pre-existing (baseline): the baseline already had this failure at the same or a higher '
        + 'severity, so it is reported but does not gate this run.'));
    }
    if (wai[i] >= 0) {
      const w = data.waivers[wai[i]];
      const box = el('div', 'waiver');
      box.append(el('strong', null, 'Waived: '), w.reason, el('br'),
        'Approved by ' + w.approvedBy + ', expires ' + w.expires);
      if (w.soon) box.append(el('br'), el('strong', 'soon', 'Expiring: ' + w.soon + '.'));
      b.append(el('h4', null, 'Waiver'), box);
    }
    (lapsedOf.get(i) || []).forEach((w) => {
      const box = el('div', 'waiver lapsed');
      box.append(el('strong', null, 'Waiver expired on ' + w.expires
        + ': this failure is no longer waived and counts as a failure. '),
      'The waiver for ' + w.project + ' (' + w.reason + '; approved by ' + w.approvedBy + ').');
      b.append(el('h4', null, 'Expired waiver'), box);
    });
    const clauses = data.clauseSets[cset[i]];
    if (clauses.length) {
      b.append(el('h4', null, 'Policy clauses'));
      clauses.forEach((c) => {
        const cl = data.clauses[c];
        b.append(el('div', 'doc', cl.id + ' · ' + cl.document + ' — ' + cl.section + ' (' + cl.check + ')'),
          el('blockquote', null, cl.text));
      });
    }
    parts[2].forEach((x) => b.append(el('p', 'doc', 'Note: ' + S[x])));
    b.append(el('p', 'meta', 'Rule ' + r.id + ': ' + r.title + ' · severity ' + SEV[sev[i]]));
    return b;
  }

  function summaryLine(i, tag) {
    const s = el(tag);
    const m = el('span', 'msg');
    if (pre[i]) m.append(el('span', 'tag tag-pre', 'pre-existing (baseline)'), ' ');
    if (lapsedOf.has(i)) m.append(el('span', 'tag tag-lapsed', 'waiver expired'), ' ');
    if (cau[i] >= 0) m.append(el('span', 'tag tag-cause', '↳ follows from ' + S[cau[i]]), ' ');
    m.append(S[msg[i]]);
    s.append(badge(OUT[outc[i]]), el('span', 'sev', SEV[sev[i]]), el('span', 'mono', P[proj[i]]),
      el('span', 'mono', RU[rule[i]].id), m);
    return s;
  }

  function resultRow(i) {
    const d = el('details', 'result ' + OUT[outc[i]].cssClass);
    d.append(summaryLine(i, 'summary'));
    d.addEventListener('toggle', () => {
      if (d.open && d.children.length === 1) d.append(detailBody(i));
    });
    return d;
  }

  function renderMoreResults() {
    const end = Math.min(matchCount, rendered + PAGE);
    const frag = document.createDocumentFragment();
    for (let k = rendered; k < end; k++) frag.append(resultRow(matches[k]));
    list.append(frag);
    rendered = end;
    countLine.textContent = matchCount === 0
      ? 'No result matches these filters (' + fmt.format(N) + ' results in total).'
      : 'Showing ' + fmt.format(rendered) + ' of ' + fmt.format(matchCount)
        + ' matching results (' + fmt.format(N) + ' in total)'
        + (rendered < matchCount ? '; scroll for more.' : '.');
  }

  // ---------------------------------------------------------------- matrix
  const cells = new Int32Array(P.length * RN).fill(-1);
  const projectBad = new Uint8Array(P.length);
  for (let i = 0; i < N; i++) {
    if (rule[i] >= 0) cells[proj[i] * RN + rule[i]] = i;
    const name = OUT[outc[i]].outcome;
    if (name === 'FAIL' || name === 'ERROR' || name === 'NOT_AVAILABLE') projectBad[proj[i]] = 1;
  }
  const mHead = document.getElementById('matrix-head');
  const mBody = document.getElementById('matrix-body');
  const mCount = document.getElementById('m-count');
  RU.forEach((r) => {
    const th = el('th', 'rcol', r.id);
    th.scope = 'col';
    th.title = r.id + ': ' + r.title;
    mHead.append(th);
  });
  let mRows = new Int32Array(0);
  let mRendered = 0;

  function filterMatrix() {
    const q = document.getElementById('m-project').value.toLowerCase();
    const onlyBad = document.getElementById('m-problems').checked;
    const rows = [];
    for (let p = 0; p < P.length; p++) {
      if (onlyBad && !projectBad[p]) continue;
      if (q && !P[p].toLowerCase().includes(q)) continue;
      rows.push(p);
    }
    mRows = Int32Array.from(rows);
    mRendered = 0;
    mBody.replaceChildren();
    renderMoreMatrix();
  }

  function matrixRow(p) {
    const tr = el('tr');
    const th = el('th', 'mono', P[p]);
    th.scope = 'row';
    th.title = P[p];
    tr.append(th);
    for (let r = 0; r < RN; r++) {
      const i = cells[p * RN + r];
      if (i < 0) { tr.append(el('td', 'cell none', '')); continue; }
      const o = OUT[outc[i]];
      const td = el('td', 'cell ' + o.cssClass, o.symbol);
      const label = P[p] + ' · ' + RU[r].id + ': ' + o.label
        + (pre[i] ? ' (pre-existing, baseline)' : '');
      td.title = label;
      td.setAttribute('aria-label', label);
      td.tabIndex = 0;
      td.dataset.i = String(i);
      tr.append(td);
    }
    return tr;
  }

  function renderMoreMatrix(all) {
    const end = all ? mRows.length : Math.min(mRows.length, mRendered + PAGE);
    const frag = document.createDocumentFragment();
    for (let k = mRendered; k < end; k++) frag.append(matrixRow(mRows[k]));
    mBody.append(frag);
    mRendered = end;
    mCount.textContent = 'Showing ' + fmt.format(mRendered) + ' of ' + fmt.format(mRows.length)
      + ' projects' + (mRendered < mRows.length ? '; scroll the table for more.' : '.');
  }

  function showResult(i) {
    resetFilters(false);
    state.projectExact = proj[i];
    state.rule = rule[i];
    document.getElementById('f-project').value = P[proj[i]];
    document.getElementById('f-rule').value = String(rule[i]);
    applyFilters();
    const first = list.querySelector('details');
    if (first) first.open = true;
    document.getElementById('results').scrollIntoView();
  }

  function onCell(e) {
    const td = e.target.closest('td.cell');
    if (td && td.dataset.i !== undefined) showResult(Number(td.dataset.i));
  }
  mBody.addEventListener('click', onCell);
  mBody.addEventListener('keydown', (e) => { if (e.key === 'Enter') onCell(e); });

  // ---------------------------------------------------------------- lazy loading on scroll
  // The observers fire when a sentinel comes near the viewport; observing again after each page
  // re-checks a sentinel that is still in view (observe() reports the current state at once).
  const rSentinel = document.getElementById('results-more');
  const rObserver = new IntersectionObserver((entries) => {
    if (entries.some((x) => x.isIntersecting) && rendered < matchCount) {
      renderMoreResults();
      observeResultsEnd();
    }
  }, { rootMargin: '800px' });
  function observeResultsEnd() {
    rObserver.unobserve(rSentinel);
    rObserver.observe(rSentinel);
  }
  const mWrap = document.querySelector('.matrix-wrap');
  // The matrix scrolls inside its own box: watch its last row, re-attached after each page.
  const mObserver = new IntersectionObserver((entries) => {
    if (entries.some((x) => x.isIntersecting) && mRendered < mRows.length) {
      renderMoreMatrix();
      observeMatrixEnd();
    }
  }, { root: mWrap, rootMargin: '400px' });
  function observeMatrixEnd() {
    mObserver.disconnect();
    if (mBody.lastElementChild) mObserver.observe(mBody.lastElementChild);
  }

  // ---------------------------------------------------------------- controls
  const outcomeBoxes = Array.from(document.querySelectorAll('input[name=outcome]'));
  function readOutcomes() {
    state.outcomes = new Set(outcomeBoxes.filter((b) => b.checked).map((b) => outcomeIndex[b.value]));
  }
  function intOf(id) {
    const v = document.getElementById(id).value;
    return v === '' ? -1 : Number(v);
  }
  const gateBox = document.getElementById('f-gate');
  function resetFilters(apply) {
    outcomeBoxes.forEach((b) => { b.checked = true; });
    ['f-rule', 'f-clause', 'f-severity', 'f-project', 'f-text'].forEach((id) => {
      document.getElementById(id).value = '';
    });
    if (gateBox) gateBox.value = '';
    Object.assign(state, {
      rule: -1, clause: -1, severity: -1, project: '', projectExact: -1, text: '', gate: '',
    });
    readOutcomes();
    if (apply) applyFilters();
  }
  // Typing re-filters after a 150 ms pause; Enter (a change event) re-filters at once.
  function onText(id, apply) {
    const box = document.getElementById(id);
    let t = 0;
    box.addEventListener('input', () => { clearTimeout(t); t = setTimeout(apply, 150); });
    box.addEventListener('change', () => { clearTimeout(t); apply(); });
  }
  outcomeBoxes.forEach((b) => b.addEventListener('change', () => { readOutcomes(); applyFilters(); }));
  document.getElementById('f-rule').addEventListener('change', () => { state.rule = intOf('f-rule'); applyFilters(); });
  document.getElementById('f-clause').addEventListener('change', () => { state.clause = intOf('f-clause'); applyFilters(); });
  document.getElementById('f-severity').addEventListener('change', () => { state.severity = intOf('f-severity'); applyFilters(); });
  if (gateBox) gateBox.addEventListener('change', () => { state.gate = gateBox.value; applyFilters(); });
  document.getElementById('f-sort').addEventListener('change', (e) => { state.sort = e.target.value; applyFilters(); });
  onText('f-project', () => {
    const v = document.getElementById('f-project').value;
    if (v === state.project && state.projectExact < 0) return;
    state.project = v;
    state.projectExact = -1;
    applyFilters();
  });
  onText('f-text', () => {
    const v = document.getElementById('f-text').value;
    if (v === state.text) return;
    state.text = v;
    applyFilters();
  });
  document.getElementById('f-reset').addEventListener('click', () => resetFilters(true));
  onText('m-project', () => { filterMatrix(); observeMatrixEnd(); });
  document.getElementById('m-problems').addEventListener('change', () => { filterMatrix(); observeMatrixEnd(); });

  // Outcome tiles and "Show these results" buttons set the filters and jump to the list.
  document.addEventListener('click', (e) => {
    const g = e.target.closest('button[data-gate]');
    if (g && gateBox) {
      resetFilters(false);
      gateBox.value = g.dataset.gate;
      state.gate = g.dataset.gate;
      applyFilters();
      document.getElementById('results').scrollIntoView();
      return;
    }
    const btn = e.target.closest('button[data-outcome]');
    if (!btn) return;
    resetFilters(false);
    outcomeBoxes.forEach((b) => { b.checked = b.value === btn.dataset.outcome; });
    readOutcomes();
    if (btn.dataset.rule && ruleIndex[btn.dataset.rule] !== undefined) {
      state.rule = ruleIndex[btn.dataset.rule];
      document.getElementById('f-rule').value = String(state.rule);
    }
    applyFilters();
    document.getElementById('results').scrollIntoView();
  });

  // ---------------------------------------------------------------- print
  // "Save as PDF" prints every failing, waived and not-assessed result expanded, whatever the
  // filters, and the whole matrix when it is small enough to be read on paper.
  const PRINTED = new Set(['FAIL', 'WAIVED', 'ERROR', 'NOT_AVAILABLE', 'NOT_RUN']);
  const MATRIX_PRINT_LIMIT = 500;
  let printed = false;
  function preparePrint() {
    if (printed) return;
    printed = true;
    const box = document.getElementById('print-results');
    const ord = order('worst');
    const frag = document.createDocumentFragment();
    let n = 0;
    for (let k = 0; k < N; k++) {
      const i = ord[k];
      if (!PRINTED.has(OUT[outc[i]].outcome)) continue;
      const d = el('div', 'presult ' + OUT[outc[i]].cssClass);
      d.append(summaryLine(i, 'div'), detailBody(i));
      frag.append(d);
      n++;
    }
    box.append(el('h3', null, fmt.format(n) + ' failing, waived and not assessed results'), frag);
    if (P.length <= MATRIX_PRINT_LIMIT) {
      document.getElementById('m-project').value = '';
      document.getElementById('m-problems').checked = false;
      filterMatrix();
      renderMoreMatrix(true);
    } else {
      mWrap.classList.add('too-big');
      document.getElementById('matrix-print-note').textContent = 'The matrix of '
        + fmt.format(P.length) + ' projects is left out of the printed copy; every failing and '
        + 'not assessed result is listed below.';
    }
  }
  window.addEventListener('beforeprint', preparePrint);
  window.matchMedia('print').addEventListener('change', (e) => { if (e.matches) preparePrint(); });

  // ---------------------------------------------------------------- trend
  // The grid's cells carry their words for screen readers; a pointer gets them as a tooltip, made
  // on first hover rather than written twice into the file. The section is laid out only when it
  // comes near the viewport (content-visibility in the stylesheet); both tables then start
  // scrolled to the newest run.
  const trendWrap = document.getElementById('trend-wrap');
  if (trendWrap) {
    trendWrap.addEventListener('mouseover', (e) => {
      const td = e.target.closest('td.tc');
      if (!td || td.title) return;
      const head = td.parentElement.firstElementChild.textContent;
      td.title = head + ' ' + td.lastElementChild.textContent;
    });
    const tObserver = new IntersectionObserver((entries) => {
      if (!entries.some((x) => x.isIntersecting)) return;
      tObserver.disconnect();
      trendWrap.scrollLeft = trendWrap.scrollWidth;
      const runsWrap = document.getElementById('runs-wrap');
      runsWrap.scrollTop = runsWrap.scrollHeight;
    });
    tObserver.observe(trendWrap);
  }

  // ---------------------------------------------------------------- start
  readOutcomes();
  applyFilters();
  filterMatrix();
  observeMatrixEnd();
  performance.mark('shipcheck-ready');
  document.documentElement.dataset.ready = 'true';
})();
