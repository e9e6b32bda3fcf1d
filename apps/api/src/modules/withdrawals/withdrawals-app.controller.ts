import { toStatementLineDto, toWithdrawalDto } from './dto/mappers';
import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { WECHAT_CONFIG } from '../../wechat/wechat.module';
import type { WechatConfig } from '../../wechat';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { EarnerAccountDto, StatementPageDto, WalletDto } from './dto/wallet.dto';
import { CreateWithdrawalDto, StatementQuery, WithdrawalDto, WithdrawalPageDto } from './dto/withdrawal.dto';
import { EarnerPageQuery, EarnerRefDto } from '../ledger/dto/earner.dto';
import { WithdrawalQueryService } from './withdrawal-query.service';
import { WithdrawalsService } from './withdrawals.service';

/** The earner's side in the mini-program: wallet and withdrawals. */
@ApiTags('wallet')
@UserRoute()
@Controller('app')
export class WithdrawalsAppController {
  constructor(
    private readonly withdrawals: WithdrawalsService,
    private readonly query: WithdrawalQueryService,
    @Inject(WECHAT_CONFIG) private readonly wechat: WechatConfig,
  ) {}

  /** wx.requestMerchantTransfer needs the merchant and app ids beside the package. */
  private withPayee(w: WithdrawalDto): WithdrawalDto {
    return w.packageInfo ? { ...w, mchId: this.wechat.mchId, appId: this.wechat.appId } : w;
  }

  @Get('wallet/accounts')
  @ApiOkResponse({ type: [EarnerAccountDto] })
  @ApiOperation({
    summary: 'My earner accounts (reseller, agent, each store I own) with balances: what the wallet may open',
  })
  accounts(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<EarnerAccountDto[]> {
    return this.query.accounts(ctx, userId);
  }

  @Get('wallet')
  @ApiOkResponse({ type: WalletDto })
  @ApiOperation({
    summary: 'Balances (pending, available, withdrawing) and latest movements of one earner account',
  })
  async wallet(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: EarnerRefDto,
  ): Promise<WalletDto> {
    const w = await this.query.wallet(ctx, userId, q.earnerType, q.earnerId);
    return {
      ...w,
      recentAvailable: w.recentAvailable.map(toStatementLineDto),
      recentPending: w.recentPending.map(toStatementLineDto),
    };
  }

  @Get('wallet/statement')
  @ApiOkResponse({ type: StatementPageDto })
  @ApiOperation({ summary: 'The statement of one balance of one of my earner accounts, newest first' })
  async statement(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: StatementQuery,
  ): Promise<StatementPageDto> {
    const page = await this.query.statementForUser(ctx, userId, q);
    return { ...page, items: page.items.map(toStatementLineDto) };
  }

  @Post('withdrawals')
  @ApiCreatedResponse({ type: WithdrawalDto })
  @ApiOperation({
    summary: 'Ask for a withdrawal of the available balance (repeat-safe with Idempotency-Key)',
  })
  async create(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @IdempotencyKey() key: string,
    @Body() dto: CreateWithdrawalDto,
  ): Promise<WithdrawalDto> {
    return this.withPayee(toWithdrawalDto(await this.withdrawals.request(ctx, userId, dto, key)));
  }

  @Get('withdrawals')
  @ApiOkResponse({ type: WithdrawalPageDto })
  @ApiOperation({ summary: 'Withdrawals of one earner account, newest first' })
  async list(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: EarnerPageQuery,
  ): Promise<WithdrawalPageDto> {
    const page = await this.query.listForUser(ctx, userId, q);
    return { ...page, items: page.items.map((w) => this.withPayee(toWithdrawalDto(w))) };
  }

  @Get('withdrawals/:id')
  @ApiOkResponse({ type: WithdrawalDto })
  @ApiOperation({ summary: 'One withdrawal (with package_info while WeChat waits for the user to confirm)' })
  async get(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WithdrawalDto> {
    return this.withPayee(toWithdrawalDto(await this.query.getForUser(ctx, userId, id)));
  }
}
