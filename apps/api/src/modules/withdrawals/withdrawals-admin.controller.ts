import { toStatementLineDto, toWithdrawalDto } from './dto/mappers';
import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { formatYuan } from '@cloudshelf/money';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { allPages, toCsv } from '../../common/csv';
import { AppError } from '../../common/errors';
import { Ctx, RequestContext } from '../../common/request-context';
import { EarnerTypePageQuery } from '../ledger/dto/earner.dto';
import { LedgerService } from '../ledger/ledger.service';
import { EarnerBalancePageDto, LedgerCheckDto, StatementPageDto } from './dto/wallet.dto';
import {
  ApproveWithdrawalDto,
  BulkApproveDto,
  BulkApproveResultDto,
  MarkPaidDto,
  RejectWithdrawalDto,
  StatementQuery,
  WithdrawalDto,
  WithdrawalListQuery,
  WithdrawalPageDto,
} from './dto/withdrawal.dto';
import { WithdrawalQueryService } from './withdrawal-query.service';
import { WithdrawalsService } from './withdrawals.service';

/** Finance's side: the withdrawal queue, statements and the ledger check. */
@ApiTags('admin-finance')
@Controller('admin')
export class WithdrawalsAdminController {
  constructor(
    private readonly withdrawals: WithdrawalsService,
    private readonly query: WithdrawalQueryService,
    private readonly ledger: LedgerService,
  ) {}

  @Get('withdrawals')
  @ApiOkResponse({ type: WithdrawalPageDto })
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'Withdrawal queue with filters' })
  async list(@Ctx() ctx: RequestContext, @Query() q: WithdrawalListQuery): Promise<WithdrawalPageDto> {
    const page = await this.query.list(ctx, q);
    return { ...page, items: page.items.map(toWithdrawalDto) };
  }

  @Get('withdrawals/export.csv')
  @AdminRoute('finance:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="withdrawals.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export withdrawals (filters as the list; at most 10 000 rows) as CSV for Excel' })
  async exportCsv(@Ctx() ctx: RequestContext, @Query() q: WithdrawalListQuery): Promise<string> {
    const list = await allPages((page, pageSize) => this.query.list(ctx, { ...q, page, pageSize }));
    return toCsv(
      [
        '提现单号',
        '收款方类型',
        '收款方',
        '申请金额(元)',
        '手续费(元)',
        '到账金额(元)',
        '状态',
        '方式',
        '申请时间',
        '到账时间',
        '驳回原因',
        '失败原因',
      ],
      list.map((w) => [
        w.outBillNo,
        w.earnerType,
        w.earnerId,
        formatYuan(w.amountFen),
        formatYuan(w.feeFen),
        formatYuan(w.netFen),
        w.status,
        w.method,
        new Date(w.createdAt).toISOString(),
        w.paidAt ? new Date(w.paidAt).toISOString() : '',
        w.rejectReason,
        w.failReason,
      ]),
    );
  }

  @Post('withdrawals/approve')
  @ApiCreatedResponse({ type: BulkApproveResultDto })
  @AdminRoute('withdrawals:approve')
  @ApiOperation({ summary: 'Approve several withdrawals at once; each succeeds or fails on its own' })
  async bulkApprove(@Ctx() ctx: RequestContext, @Body() dto: BulkApproveDto): Promise<BulkApproveResultDto> {
    const result: BulkApproveResultDto = { approved: [], failed: {} };
    for (const id of [...new Set(dto.ids)]) {
      try {
        await this.withdrawals.approve(ctx, id, dto.method);
        result.approved.push(id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.failed[id] = err.code;
      }
    }
    return result;
  }

  @Post('withdrawals/:id/approve')
  @ApiCreatedResponse({ type: WithdrawalDto })
  @AdminRoute('withdrawals:approve')
  @ApiOperation({ summary: 'Approve a withdrawal: WeChat transfer, or paid by hand' })
  async approve(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ApproveWithdrawalDto,
  ): Promise<WithdrawalDto> {
    return toWithdrawalDto(await this.withdrawals.approve(ctx, id, dto.method));
  }

  @Post('withdrawals/:id/reject')
  @ApiCreatedResponse({ type: WithdrawalDto })
  @AdminRoute('withdrawals:approve')
  @ApiOperation({ summary: 'Reject a withdrawal with a reason; the money returns to the available balance' })
  async reject(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RejectWithdrawalDto,
  ): Promise<WithdrawalDto> {
    return toWithdrawalDto(await this.withdrawals.reject(ctx, id, dto.reason));
  }

  @Post('withdrawals/:id/mark-paid')
  @ApiCreatedResponse({ type: WithdrawalDto })
  @AdminRoute('withdrawals:approve')
  @ApiOperation({ summary: 'Confirm a manual (bank) payout' })
  async markPaid(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MarkPaidDto,
  ): Promise<WithdrawalDto> {
    return toWithdrawalDto(await this.withdrawals.markPaid(ctx, id, dto.note ?? ''));
  }

  @Get('ledger/statement')
  @ApiOkResponse({ type: StatementPageDto })
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'An earner account’s statement, newest first, with the running balance' })
  async statement(@Ctx() ctx: RequestContext, @Query() q: StatementQuery): Promise<StatementPageDto> {
    const page = await this.ledger.statement(ctx, { type: q.earnerType, id: q.earnerId }, q.kind, q);
    return { ...page, items: page.items.map(toStatementLineDto) };
  }

  @Get('ledger/earners')
  @ApiOkResponse({ type: EarnerBalancePageDto })
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'Earners of one type with pending, available and withdrawing balances' })
  earners(@Ctx() ctx: RequestContext, @Query() q: EarnerTypePageQuery): Promise<EarnerBalancePageDto> {
    return this.ledger.earners(ctx, q.earnerType, q);
  }

  @Get('ledger/check')
  @ApiOkResponse({ type: LedgerCheckDto })
  @AdminRoute('finance:read')
  @ApiOperation({
    summary: 'Ledger self-check: unbalanced postings and cached balances that differ from entries (all 0)',
  })
  check(@Ctx() ctx: RequestContext): Promise<LedgerCheckDto> {
    return this.ledger.verify(ctx);
  }
}
