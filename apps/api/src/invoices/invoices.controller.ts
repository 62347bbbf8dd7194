import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INVOICE_PROCESS_ID, INVOICE_STATES } from '@opsdesk/domain';
import type { Request, Response } from 'express';
import { requirePrincipal } from '../auth/acting-actor';
import { ApiError } from '../http/api-error';
import {
  ProcessActions,
  send,
  type ProcessSteps,
} from '../process-actions/process-actions.service';
import { ProcessQueries } from '../process-actions/process-queries.service';
import { ticketIdPipe } from '../process-actions/process-reader';
import { ProcessReads } from '../process-actions/process-reads';
import { eInvoiceIdOf } from './e-invoice-id';
import {
  ApproveReissueDto,
  InvoiceNumberDto,
  InvoiceResultDto,
  ApplyForEInvoiceDto,
  MailInvoiceDto,
  PaperInvoiceRequestDto,
  ReasonDto,
  SendTasksDto,
  SubmitApplicationDto,
} from './dto/invoice.dto';

const P = INVOICE_PROCESS_ID;

/** One endpoint per action of P21 用户开具发票流程, and its reads. */
@ApiTags('invoices 开具发票')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('invoices')
export class InvoicesController {
  private readonly reads: ProcessReads;
  private readonly steps: ProcessSteps;

  constructor(
    private readonly actions: ProcessActions,
    queries: ProcessQueries,
  ) {
    this.reads = new ProcessReads(queries.of(P), INVOICE_STATES);
    this.steps = actions.stepsOf(P);
  }

  @Post('e-invoices')
  @ApiOperation({
    summary: '4.9 用户在APP申请电子发票，系统判断并开具 (user)',
  })
  async eInvoice(
    @Body() body: ApplyForEInvoiceDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // The member in the app applies for their own orders only: the
    // membership is the token's subject, whatever the body says.
    if (body.memberId !== requirePrincipal(req).id) {
      throw new ApiError(
        403,
        'NOT_OWN_MEMBERSHIP',
        'A member applies for invoices of their own membership only',
        { field: 'memberId' },
      );
    }
    const answer = await this.actions.act(
      req,
      P,
      eInvoiceIdOf(body.orderId),
      'ApplyForEInvoice',
      'user',
      { ...body, buyer: { ...body.buyer } },
    );
    return send(res, answer, true);
  }

  @Post('paper-requests')
  @ApiOperation({
    summary: '4.3/4.4 电话申请纸质发票并记录开票信息表 (cs-phone-agent)',
  })
  paper(
    @Body() body: PaperInvoiceRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      undefined,
      'RecordPaperInvoiceRequest',
      'cs-phone-agent',
      { ...body, sheet: { ...body.sheet } },
    );
  }

  @Post(':ticketId/send-tasks')
  @ApiOperation({
    summary: '4.4 新建财务TB任务并汇总给运营开票对接人 (cs-phone-agent)',
  })
  sendTasks(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SendTasksDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SendInvoiceTasks',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/submit-application')
  @ApiOperation({ summary: '4.5 提交开票申请 (ops-invoicing-liaison)' })
  submit(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: SubmitApplicationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'SubmitInvoiceApplication',
      'ops-invoicing-liaison',
      body,
    );
  }

  @Post(':ticketId/issue-paper')
  @ApiOperation({ summary: '4.6 财务开具纸质发票 (finance-manager)' })
  issuePaper(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InvoiceNumberDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'IssuePaperInvoice',
      'finance-manager',
      body,
    );
  }

  @Post(':ticketId/mail')
  @ApiOperation({ summary: '4.7 邮寄纸质发票 (ops-invoicing-liaison)' })
  mail(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: MailInvoiceDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'MailPaperInvoice',
      'ops-invoicing-liaison',
      body,
    );
  }

  @Post(':ticketId/report-result')
  @ApiOperation({ summary: '4.8 处理结果反馈客服中心 (ops-invoicing-liaison)' })
  reportResult(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InvoiceResultDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReportInvoiceResult',
      'ops-invoicing-liaison',
      body,
    );
  }

  @Post(':ticketId/reissue-requests')
  @ApiOperation({
    summary: '4.10/4.11 重开发票来电，判断是否超过30天 (cs-phone-agent)',
  })
  reissue(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReasonDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RequestReissue',
      'cs-phone-agent',
      body,
    );
  }

  @Post(':ticketId/approve-late-reissue')
  @ApiOperation({ summary: '主管同意超期重开 (cs-supervisor)' })
  approveLate(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ApproveReissueDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ApproveLateReissue',
      'cs-supervisor',
      body,
    );
  }

  @Post(':ticketId/refuse-late-reissue')
  @ApiOperation({ summary: '主管不同意超期重开 (cs-supervisor)' })
  refuseLate(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: ReasonDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'RefuseLateReissue',
      'cs-supervisor',
      body,
    );
  }

  @Post(':ticketId/reissue')
  @ApiOperation({ summary: '财务重开发票 (finance-manager)' })
  reissueInvoice(
    @Param('ticketId', ticketIdPipe) id: string,
    @Body() body: InvoiceNumberDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.steps.run(
      req,
      res,
      id,
      'ReissueInvoice',
      'finance-manager',
      body,
    );
  }

  @Get('report')
  @ApiOperation({ summary: '报表：按上海日期、状态、结果 Reporting rows' })
  report(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.report(req, query);
  }

  @Get('inbox/:role')
  @ApiOperation({ summary: '岗位待办 A role’s inbox' })
  inbox(
    @Req() req: Request,
    @Param('role') role: string,
    @Query() query: Record<string, unknown>,
  ) {
    return this.reads.inbox(req, role, query);
  }

  @Get()
  @ApiOperation({ summary: '开票申请列表 Invoice cases' })
  list(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.reads.list(req, query);
  }

  @Get(':ticketId')
  @ApiOperation({ summary: '开票申请详情 Invoice case' })
  ticket(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.ticket(req, id);
  }

  @Get(':ticketId/timeline')
  @ApiOperation({ summary: '处理时间线 Timeline' })
  timeline(@Req() req: Request, @Param('ticketId', ticketIdPipe) id: string) {
    return this.reads.timeline(req, id);
  }
}
