// 网点故障运营看板: reads /reports/* with the filter in the address bar and
// draws each figure with ECharts. Plain script, no build step. Each chart
// element gets data-points (how many data points it drew) and the body
// data-state (loading, ready, error), which the browser test reads.
(function () {
  'use strict';

  // Labels as the domain defines them (FAULT_CATEGORIES, ROLES).
  const CATEGORIES = [
    ['charging-pile', '充电桩'],
    ['barrier-gate', '道闸'],
    ['lighting', '照明'],
    ['parking-space', '车位'],
    ['other', '其他'],
  ];
  const FILTERS = ['from', 'to', 'regionId', 'stationId', 'category'];
  const charts = {};

  function $(selector) {
    return document.querySelector(selector);
  }

  function shanghaiToday() {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
    }).format(new Date());
  }

  function daysBefore(day, n) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - n);
    return date.toISOString().slice(0, 10);
  }

  /** The filter from the address bar; the last 30 days by default. */
  function currentFilter() {
    const params = new URLSearchParams(location.search);
    const filter = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) filter[name] = value;
    }
    if (!params.has('from') && !params.has('to')) {
      filter.to = shanghaiToday();
      filter.from = daysBefore(filter.to, 29);
    }
    return filter;
  }

  function query(filter, extra) {
    const params = new URLSearchParams({ ...filter, ...extra });
    return params.toString();
  }

  const { getJson, downloadLink, unitFor, duration, percent } = window.opsdesk;

  function draw(name, option, points) {
    const element = $(`[data-chart="${name}"]`);
    if (!charts[name]) charts[name] = echarts.init(element);
    // No animation: figures appear at once, and a screenshot shows them.
    charts[name].setOption({ animation: false, ...option }, true);
    element.dataset.points = String(points);
  }

  function drawBacklog(backlog) {
    const regions = [...new Set(backlog.map((c) => c.regionZh || c.regionId))];
    const roles = [...new Set(backlog.map((c) => c.roleZh || '无人持有'))];
    const series = roles.map((role) => ({
      name: role,
      type: 'bar',
      stack: 'open',
      emphasis: { focus: 'series' },
      data: regions.map((region) => {
        const cell = backlog.find(
          (c) =>
            (c.regionZh || c.regionId) === region &&
            (c.roleZh || '无人持有') === role,
        );
        return cell ? cell.openTickets : 0;
      }),
    }));
    draw(
      'backlog',
      {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { top: 40, left: 40, right: 16, bottom: 40 },
        xAxis: { type: 'category', data: regions },
        yAxis: { type: 'value', name: '工单数', minInterval: 1 },
        series,
      },
      backlog.length,
    );
  }

  function drawVolume(days, stationDays) {
    const dayList = days.map((d) => d.day);
    const series = CATEGORIES.map(([id, zh]) => ({
      name: zh,
      type: 'bar',
      stack: 'reported',
      data: dayList.map((day) =>
        stationDays
          .filter((r) => r.day === day && r.category === id)
          .reduce((sum, r) => sum + r.reported, 0),
      ),
    }));
    draw(
      'volume',
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { top: 40, left: 40, right: 16, bottom: 40 },
        xAxis: { type: 'category', data: dayList.map((d) => d.slice(5)) },
        yAxis: { type: 'value', name: '来电量', minInterval: 1 },
        series,
      },
      days.filter((d) => d.reported > 0).length,
    );
  }

  function drawFirstVisit(days) {
    const inspected = days.filter((d) => d.inspected > 0);
    draw(
      'first-visit',
      {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v) => (v === null ? '–' : `${v}%`),
        },
        grid: { top: 30, left: 48, right: 16, bottom: 40 },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', name: '解决率 %', min: 0, max: 100 },
        series: [
          {
            name: '首次到场解决率',
            type: 'line',
            connectNulls: true,
            data: days.map((d) =>
              d.firstVisitFixRate === null
                ? null
                : Number((d.firstVisitFixRate * 100).toFixed(1)),
            ),
          },
        ],
      },
      inspected.length,
    );
  }

  function drawClearTime(report) {
    draw(
      'clear-time',
      {
        tooltip: { trigger: 'axis' },
        title: {
          text: `中位数 ${duration(report.medianS)} · P90 ${duration(report.p90S)}`,
          right: 0,
          textStyle: { fontSize: 12, fontWeight: 'normal' },
        },
        grid: { top: 40, left: 40, right: 16, bottom: 60 },
        xAxis: {
          type: 'category',
          data: report.buckets.map((b) => b.label),
          axisLabel: { rotate: 30 },
        },
        yAxis: { type: 'value', name: '工单数', minInterval: 1 },
        series: [
          {
            name: '已清除工单',
            type: 'bar',
            data: report.buckets.map((b) => b.count),
          },
        ],
      },
      report.cleared,
    );
  }

  function drawCustody(roles) {
    const totals = roles.map((r) => r.closedHeldS + r.openHeldS);
    const unit = unitFor(Math.max(0, ...totals));
    const scaled = (s) => Number((s / unit.seconds).toFixed(2));
    draw(
      'custody',
      {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v) => `${v} ${unit.name}`,
        },
        legend: { top: 0 },
        grid: { top: 40, left: 120, right: 24, bottom: 30 },
        yAxis: { type: 'category', data: roles.map((r) => r.roleZh) },
        xAxis: { type: 'value', name: `累计持有（${unit.name}）` },
        series: [
          {
            name: '已交出',
            type: 'bar',
            stack: 'held',
            data: roles.map((r) => scaled(r.closedHeldS)),
          },
          {
            name: '持有中',
            type: 'bar',
            stack: 'held',
            data: roles.map((r) => scaled(r.openHeldS)),
          },
        ],
      },
      roles.length,
    );
  }

  function cell(row, text, href) {
    const td = document.createElement('td');
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      td.append(a);
    } else {
      td.textContent = text;
    }
    row.append(td);
  }

  function fillOpenTickets(tickets) {
    const body = $('#open-tickets tbody');
    body.replaceChildren();
    for (const t of tickets) {
      const row = document.createElement('tr');
      cell(
        row,
        t.ticketNumber || t.ticketId,
        `/dashboard/tickets/${encodeURIComponent(t.ticketId)}`,
      );
      cell(row, t.day);
      cell(row, t.regionZh || t.regionId || '–');
      cell(row, t.stationName || t.stationId || '–');
      cell(row, t.categoryZh || '–');
      cell(row, t.statusZh);
      cell(row, t.holderRoleZh || '–');
      cell(row, duration(t.openS));
      cell(row, duration(t.heldS));
      body.append(row);
    }
    $('#open-tickets').dataset.rows = String(tickets.length);
  }

  function fillKpis(summary) {
    $('#kpi-reported').textContent = String(summary.reported);
    $('#kpi-first-visit').textContent = percent(summary.firstVisitFixRate);
    $('#kpi-median').textContent = duration(summary.timeToClearMedianS);
    $('#kpi-p90').textContent = duration(summary.timeToClearP90S);
    $('#kpi-escalated').textContent = String(summary.escalated);
    $('#kpi-supplier').textContent = String(summary.supplierInvolved);
    $('#kpi-open').textContent = String(summary.stillOpen);
  }

  async function fillFilterForm(filter) {
    const form = $('#filters');
    for (const name of ['from', 'to']) form[name].value = filter[name] || '';
    const category = form.category;
    for (const [id, zh] of CATEGORIES) category.add(new Option(zh, id));
    category.value = filter.category || '';

    const { items: regions } = await getJson('/regions');
    for (const r of regions) form.regionId.add(new Option(r.name, r.id));
    form.regionId.value = filter.regionId || '';
    await fillStations(filter.regionId, filter.stationId);
    form.regionId.addEventListener('change', () =>
      fillStations(form.regionId.value, ''),
    );

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const name of FILTERS) {
        if (form[name].value) params.set(name, form[name].value);
      }
      // An empty range stays empty rather than falling back to 30 days.
      if (!params.has('from') && !params.has('to')) params.set('from', '');
      location.search = params.toString();
    });

    for (const link of document.querySelectorAll('[data-export]')) {
      const report = link.dataset.export;
      downloadLink(
        link,
        `/reports/${report}?${query(filter, { format: 'csv' })}`,
        `${report}.csv`,
      );
    }
  }

  async function fillStations(regionId, selected) {
    const select = $('#filters').stationId;
    select.replaceChildren(new Option('全部网点', ''));
    if (!regionId) return;
    const { items } = await getJson(
      `/stations?${new URLSearchParams({ regionId })}`,
    );
    for (const s of items) select.add(new Option(`${s.name}`, s.id));
    select.value = selected || '';
  }

  async function load() {
    const filter = currentFilter();
    await fillFilterForm(filter);
    const q = query(filter);
    const [summary, days, stationDays, clear, custody, backlog, open] =
      await Promise.all([
        getJson(`/reports/summary?${q}`),
        getJson(`/reports/by-day?${q}`),
        getJson(`/reports/by-station-day?${q}`),
        getJson(`/reports/time-to-clear?${q}`),
        getJson(`/reports/custody?${q}`),
        getJson(`/reports/backlog?${q}`),
        getJson(`/reports/open-tickets?${query(filter, { limit: 15 })}`),
      ]);
    fillKpis(summary.summary);
    drawBacklog(backlog.items);
    drawVolume(days.items, stationDays.items);
    drawFirstVisit(days.items);
    drawClearTime(clear);
    drawCustody(custody.items);
    fillOpenTickets(open.items);
  }

  window.addEventListener('resize', () => {
    for (const chart of Object.values(charts)) chart.resize();
  });

  window.opsdesk.start(load);
})();
