// A month of station faults made through the domain's own deciders on a
// simulated clock, with the timers of one policy version firing as they
// would have: the what-if tests replay it under other versions.
import { phoneCallbackProcess } from '../../phone-callback';
import type { Actor } from '../../shared';
import { stationFaultProcess } from '../../station-fault';
import type { DeadlinePolicyVersion } from '../deadline-policy.types';
import type { WhatIfTicket } from '../what-if';
import type { WorkingCalendar } from '../working-calendar.port';
import { MINUTE_MS, shanghaiMidnight, nextDay } from '../shanghai-time';
import {
  AGENT,
  auto,
  LEADER,
  person,
  random,
  StreamSim,
  type AnyDecide,
} from './stream-sim';

const STATIONS = [
  {
    id: 'ST-310115-001',
    name: '张江高科地铁站网点',
    district: '浦东新区',
    street: '张江镇',
    regionId: 'rp-pudong',
  },
  {
    id: 'ST-310112-004',
    name: '莘庄地铁站北广场网点',
    district: '闵行区',
    street: '莘庄镇',
    regionId: 'rp-minhang',
  },
  {
    id: 'ST-310104-007',
    name: '徐家汇商城网点',
    district: '徐汇区',
    street: '徐家汇街道',
    regionId: 'rp-central',
  },
];

export interface GeneratedMonth {
  tickets: WhatIfTicket[];
  /** The end of the period: timers due by then have fired. */
  until: string;
}

/**
 * `days` days of station faults from `firstDay` (Shanghai), about
 * `perDay` a day, each run to its end or to the end of the period under
 * `policy`'s timers; tickets whose result reached the centre get a
 * call-back (电话回访) that closes them.
 */
export function generateMonth(options: {
  seed: number;
  firstDay: string;
  days: number;
  perDay: number;
  policy: DeadlinePolicyVersion;
  calendar: WorkingCalendar;
}): GeneratedMonth {
  const rand = random(options.seed);
  const between = (lo: number, hi: number) =>
    lo + Math.floor(rand() * (hi - lo + 1));
  const minutes = (m: number) => m * MINUTE_MS;
  let day = options.firstDay;
  for (let i = 0; i < options.days; i++) day = nextDay(day);
  const untilMs = shanghaiMidnight(day);

  const sims: StreamSim[] = [];
  const sim = (processId: string, ticketId: string) => {
    const s = new StreamSim(
      processId,
      ticketId,
      (processId === 'station-fault'
        ? stationFaultProcess.decide
        : phoneCallbackProcess.decide) as AnyDecide,
      processId === 'station-fault'
        ? { resultNotifier: 'station-manager' }
        : undefined,
      options.policy,
      options.calendar,
    );
    sims.push(s);
    return s;
  };

  let n = 0;
  day = options.firstDay;
  for (let d = 0; d < options.days; d++, day = nextDay(day)) {
    const count = between(
      Math.floor(options.perDay / 2),
      Math.ceil(options.perDay * 1.5),
    );
    for (let k = 0; k < count; k++, n++) {
      const ticketId = `gen-${String(n).padStart(5, '0')}`;
      const station = STATIONS[n % STATIONS.length];
      const pile = rand() < 0.4;
      const sf = sim('station-fault', ticketId);
      let t = shanghaiMidnight(day) + minutes(between(7 * 60, 22 * 60));
      const step = (lo: number, hi: number) => (t += minutes(between(lo, hi)));
      const live = () => t < untilMs;

      sf.act(t, AGENT, 'ReportStationFault', {
        ticketNumber: `SF-GEN-${n}`,
        reporter: {
          type: pile ? 'property-management' : 'user',
          phone: '13800138000',
        },
        callTime: new Date(t - minutes(2)).toISOString(),
        station: { ...station, address: `上海市${station.district}` },
        faultDescription: pile ? '充电桩无法充电' : '道闸无法抬杆',
        suspectedChargingPile: pile,
      });
      const script: [number, number, Actor, string, object][] = [
        [1, 40, AGENT, 'CreateFaultTask', {}],
        [
          0,
          120,
          auto('dispatch-manager'),
          'DispatchToRegion',
          {
            regionalPlatformId: station.regionId,
            decision: {
              mode: 'automatic',
              ruleVersion: 'station-region/v1',
              inputs: {},
            },
          },
        ],
        [
          1,
          90,
          auto('regional-platform'),
          'AssignInspection',
          {
            inspectorId: 'insp-01',
            decision: {
              mode: 'automatic',
              ruleVersion: 'on-duty-least-open/v1',
              inputs: {},
            },
          },
        ],
        [
          20,
          300,
          person('regional-inspector', 'insp-01'),
          'StartInspection',
          {},
        ],
      ];
      const cleared = rand() < 0.55;
      script.push([
        10,
        240,
        person('regional-inspector', 'insp-01'),
        'ReportInspectionResult',
        cleared
          ? { cleared: true, resolutionNote: '现场复位' }
          : { cleared: false, findings: '需维修', reasonNotFixed: '缺备件' },
      ]);
      if (cleared) {
        script.push([
          0,
          2,
          auto('regional-platform'),
          'NotifyCustomerService',
          { resultSummary: '巡检已排除' },
        ]);
      } else {
        const supplier = pile && rand() < 0.7;
        script.push(
          [
            5,
            120,
            person('regional-platform', 'platform-desk'),
            'ReportUnresolvedToDispatch',
            {},
          ],
          [
            5,
            120,
            person('dispatch-manager', 'dispatch-desk'),
            'EscalateToStationManager',
            {},
          ],
          [
            10,
            240,
            person('station-manager', 'sm-01'),
            'AssignOpsTask',
            { opsTeamId: 'ops-01' },
          ],
          [
            30,
            480,
            person('station-ops-team', 'ops-01'),
            'ClassifyFault',
            supplier
              ? {
                  isChargingPileIssue: true,
                  supplierId: 'sup-01',
                  chargingPileId: 'cp-01',
                }
              : { isChargingPileIssue: false, repairTicketId: `SRM-${n}` },
          ],
          supplier
            ? [
                120,
                2000,
                // A supplier's engineer acts for the firm named.
                {
                  ...person('charging-pile-supplier', 'eng-01'),
                  org: 'sup-01',
                },
                'CompleteSupplierHandling',
                { outcome: 'fixed', result: '已修复' },
              ]
            : [
                60,
                900,
                person('station-ops-team', 'ops-01'),
                'CompleteOpsRepair',
                { outcome: 'fixed', result: '已修复' },
              ],
          [
            5,
            120,
            person('station-ops-team', 'ops-01'),
            'ReportResultToStationManager',
            { result: '已修复' },
          ],
          [
            5,
            120,
            person('station-manager', 'sm-01'),
            'NotifyCustomerService',
            { resultSummary: '已修复' },
          ],
        );
      }
      for (const [lo, hi, actor, type, payload] of script) {
        step(lo, hi);
        if (!live()) break;
        sf.act(t, actor, type, payload);
      }
      if (sf.status !== 'RESULT_NOTIFIED') {
        sf.finish(untilMs);
        continue;
      }

      // The centre calls the reporter back (gap G-c through P08).
      const cb = sim('phone-callback', `cb-${ticketId}`);
      const answered = rand() < 0.7;
      const calls: [number, number, Actor, string, object][] = [
        [
          1,
          30,
          auto('cs-phone-agent'),
          'OpenCallback',
          {
            ticketNumber: `CB-GEN-${n}`,
            reason: 'result-notification',
            contact: { phone: '13800138000' },
            subject: '告知处理结果',
            origin: { processId: 'station-fault', ticketId },
          },
        ],
        [5, 90, AGENT, 'PrepareCallback', {}],
        ...(answered
          ? ([
              [1, 60, AGENT, 'RecordCallAttempt', { outcome: 'answered' }],
              [2, 15, AGENT, 'ConcludeCall', { userSatisfied: true }],
            ] as [number, number, Actor, string, object][])
          : ([
              [1, 60, AGENT, 'RecordCallAttempt', { outcome: 'no-answer' }],
              [30, 90, AGENT, 'RecordCallAttempt', { outcome: 'no-answer' }],
              [30, 90, AGENT, 'RecordCallAttempt', { outcome: 'no-answer' }],
              [10, 600, LEADER, 'CloseUnreached', { note: '短信告知' }],
            ] as [number, number, Actor, string, object][])),
      ];
      // The linker closes the station fault as soon as the call-back ends.
      let closed = false;
      const closeOrigin = () => {
        const outcome =
          cb.status === 'CLOSED_SATISFIED'
            ? 'satisfied'
            : cb.status === 'UNREACHED_REPORTED'
              ? 'unreached'
              : undefined;
        if (!outcome || closed) return;
        closed = true;
        sf.act(t, auto('cs-phone-agent'), 'InformReporter', {
          contactOutcome: outcome === 'satisfied' ? 'reached' : 'unreachable',
          callback: { callbackId: cb.ticketId, outcome },
        });
      };
      for (const [lo, hi, actor, type, payload] of calls) {
        step(lo, hi);
        if (!live()) break;
        try {
          cb.act(t, actor, type, payload);
        } catch {
          // A call on a later day: the agent reports the user instead.
          if (cb.status === 'ATTEMPTING')
            cb.act(t, AGENT, 'ReportUnreached', {});
        }
        closeOrigin();
      }
      sf.finish(untilMs);
      cb.finish(untilMs);
    }
  }
  return {
    until: new Date(untilMs).toISOString(),
    tickets: sims.map((s) => ({
      processId: s.processId,
      ticketId: s.ticketId,
      events: s.events,
    })),
  };
}
