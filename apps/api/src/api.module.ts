import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import {
  CoreModule,
  LogConsumersModule,
  MailIntakeModule,
  ProjectionThreadModule,
  ReconcilerModule,
  WorkersModule,
  type OpsdeskResources,
} from '@opsdesk/runtime';
import { WORKER_ROLES } from '@opsdesk/messaging';
import type { Request } from 'express';
import { principalOf } from './auth/principal';
import { SlidingWindowStorage } from './http/rate-limit-storage';
import { CommandGateway } from './commands/command-gateway.service';
import { CommandsController } from './commands/commands.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { QueueBoard } from './dead-letters/queue-board';
import { HealthController } from './health/health.controller';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { FeeWaiversController } from './fee-waivers/fee-waivers.controller';
import { InvoicesController } from './invoices/invoices.controller';
import { TrafficViolationsController } from './traffic-violations/traffic-violations.controller';
import { OrderAnomaliesController } from './order-anomalies/order-anomalies.controller';
import { RepairOrderBookingController } from './repair-orders/repair-order-booking.controller';
import { RepairOrderReadsController } from './repair-orders/repair-order-reads.controller';
import { RepairOrderReceptionController } from './repair-orders/repair-order-reception.controller';
import { RepairOrderSettlementController } from './repair-orders/repair-order-settlement.controller';
import { RepairOrderWorkController } from './repair-orders/repair-order-work.controller';
import { RepairShopBooksController } from './repair-orders/repair-shop-books.controller';
import { PhoneCallbacksController } from './phone-callbacks/phone-callbacks.controller';
import { RepeatCallersController } from './repeat-callers/repeat-callers.controller';
import { EmailCasesController } from './email-cases/email-cases.controller';
import { CentreEmergenciesController } from './centre-emergencies/centre-emergencies.controller';
import { MembershipCardsController } from './membership-cards/membership-cards.controller';
import { CardCourierRecordsController } from './membership-cards/card-courier-records.controller';
import { VehicleRepairAftercareController } from './vehicle-repairs/vehicle-repair-aftercare.controller';
import { VehicleRepairDeliveryController } from './vehicle-repairs/vehicle-repair-delivery.controller';
import { VehicleRepairDiagnosisController } from './vehicle-repairs/vehicle-repair-diagnosis.controller';
import { VehicleRepairIntakeController } from './vehicle-repairs/vehicle-repair-intake.controller';
import { VehicleRepairReadsController } from './vehicle-repairs/vehicle-repair-reads.controller';
import { VehicleRepairSupportController } from './vehicle-repairs/vehicle-repair-support.controller';
import { VehicleRepairWorkController } from './vehicle-repairs/vehicle-repair-work.controller';
import { ProcessActions } from './process-actions/process-actions.service';
import { ProcessQueries } from './process-actions/process-queries.service';
import { TicketQueriesController } from './queries/ticket-queries.controller';
import { ReportingModule } from './reporting/reporting.module';
import { ReporterErasure } from './station-faults/reporter-erasure.service';
import { NamedPartiesCheck } from './station-faults/named-parties';
import { SupplierTicketsCheck } from './station-faults/supplier-tickets';
import { LinkedVehicleRepairCheck } from './repair-orders/linked-vehicle-repair';
import { StationFaultActions } from './station-faults/station-fault-actions.service';
import { ReporterErasureController } from './station-faults/reporter-erasure.controller';
import { StationFaultsController } from './station-faults/station-faults.controller';
import { StationsController } from './stations/stations.controller';

export interface ApiOptions {
  /** Also run every role worker, the process manager and the projections. */
  all: boolean;
  /**
   * With `all`, where the projections run: beside the workers (the
   * default), or on an event loop of their own (ProjectionThread), as
   * `npm start` runs them.
   */
  projections?: 'in-process' | 'thread';
  /** What a projection thread that ends on its own does (SIGTERM). */
  onProjectionThreadExit?: (code: number) => void;
  /** The address it will listen on (decides whether a dev key may be used). */
  host?: string;
}

/**
 * `RATE_LIMIT_PER_MINUTE` requests per minute for each token subject
 * (by address on the public paths), answered `429` beyond it.
 * TODO(#7): counted per API process; several instances need a shared
 * (Redis) throttler store to hold one limit between them.
 */
function rateLimits(resources: OpsdeskResources) {
  return ThrottlerModule.forRoot({
    throttlers: [{ ttl: 60_000, limit: resources.config.rateLimitPerMinute }],
    storage: new SlidingWindowStorage(),
    // The guard's own text names its class ("ThrottlerException: ...").
    errorMessage: 'Too many requests; try again in a minute',
    getTracker: (req) => {
      const principal = principalOf(req as Request);
      return principal ? `sub:${principal.id}` : `ip:${String(req.ip)}`;
    },
  });
}

@Module({})
export class ApiModule {
  static forRoot(
    resources: OpsdeskResources,
    options: ApiOptions,
  ): DynamicModule {
    const inProcess = options.all
      ? [
          WorkersModule.forRoles(resources, WORKER_ROLES),
          ...(options.projections === 'thread'
            ? [
                LogConsumersModule.forRoot(resources, 'followers'),
                ProjectionThreadModule.forRoot(resources, {
                  onUnexpectedExit: options.onProjectionThreadExit,
                }),
              ]
            : [LogConsumersModule.forRoot(resources)]),
          ReconcilerModule.forRoot(resources),
          MailIntakeModule.forRoot(resources),
        ]
      : [];
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(resources),
        rateLimits(resources),
        ReportingModule,
        ...inProcess,
      ],
      controllers: [
        StationFaultsController,
        ReporterErasureController,
        TicketQueriesController,
        CommandsController,
        StationsController,
        HealthController,
        MetricsController,
        DeadLettersController,
        OrderAnomaliesController,
        // Express takes the first route that matches, so under
        // repair-orders/ the shops' paths and the fixed reads (report,
        // statistics, inbox) stay registered before /:ticketId.
        RepairShopBooksController,
        RepairOrderBookingController,
        RepairOrderReceptionController,
        RepairOrderWorkController,
        RepairOrderSettlementController,
        RepairOrderReadsController,
        FeeWaiversController,
        InvoicesController,
        TrafficViolationsController,
        PhoneCallbacksController,
        RepeatCallersController,
        EmailCasesController,
        CentreEmergenciesController,
        MembershipCardsController,
        CardCourierRecordsController,
        VehicleRepairIntakeController,
        VehicleRepairDiagnosisController,
        VehicleRepairSupportController,
        VehicleRepairWorkController,
        VehicleRepairDeliveryController,
        VehicleRepairAftercareController,
        VehicleRepairReadsController,
        DeadlinesController,
      ],
      providers: [
        CommandGateway,
        StationFaultActions,
        NamedPartiesCheck,
        SupplierTicketsCheck,
        LinkedVehicleRepairCheck,
        QueueBoard,
        ApiMetrics,
        ProcessActions,
        ProcessQueries,
        ReporterErasure,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
      ],
    };
  }
}
