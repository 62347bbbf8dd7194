// 工单时间线: one ticket's events and holding periods, linked from the
// dashboard's list of the slowest open tickets.
(function () {
  'use strict';

  function $(selector) {
    return document.querySelector(selector);
  }

  const { getJson, duration, shanghai } = window.opsdesk;

  function row(values) {
    const tr = document.createElement('tr');
    for (const value of values) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    return tr;
  }

  async function load() {
    const ticketId = decodeURIComponent(location.pathname.split('/').pop());
    const id = encodeURIComponent(ticketId);
    const [ticket, timeline, custody] = await Promise.all([
      getJson(`/station-faults/${id}`),
      getJson(`/station-faults/${id}/timeline`),
      getJson(`/reports/custody-periods?ticketId=${id}`),
    ]);
    $('#title').textContent = `工单 ${ticket.ticketNumber ?? ticketId}`;
    $('#subtitle').textContent = [
      ticket.stationName,
      ticket.statusZh,
      ticket.holderRoleZh ? `当前岗位：${ticket.holderRoleZh}` : '',
    ]
      .filter(Boolean)
      .join(' · ');

    const events = $('[data-table="timeline"] tbody');
    for (const e of timeline.entries) {
      events.append(
        row([
          e.recordedAtShanghai,
          e.labelZh,
          e.actorRoleZh ?? '–',
          e.actorId ?? '–',
          e.summaryZh ?? '',
        ]),
      );
    }
    const periods = $('[data-table="custody"] tbody');
    for (const p of custody.items) {
      periods.append(
        row([
          String(p.seq + 1),
          p.roleZh,
          p.assigneeId ?? '–',
          shanghai(p.fromAt),
          p.toAt ? shanghai(p.toAt) : '持有中',
          duration(p.heldS),
        ]),
      );
    }
  }

  window.opsdesk.start(load);
})();
