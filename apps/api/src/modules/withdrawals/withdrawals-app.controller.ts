import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { CommonErrors } from '../../common/errors';
import { Ctx, RequestContext } from '../../common/request-context';
import { StatementLineDto, WalletDto } from './dto/wallet.dto';
import { CreateWithdrawalDto, WithdrawalDto, WithdrawalPageDto } from './dto/withdrawal.dto';
import { EarnerPageQuery, EarnerRefDto } from '../ledger/dto/earner.dto';
import { WithdrawalQueryService } from './withdrawal-query.service';
import { WithdrawalsService } from './withdrawals.service';

const KEY = /^[0-9A-Za-z_-]{8,128}$/;

/** The earner's side in the mini-program: wallet and withdrawals. */
@ApiTags('wallet')
@UserRoute()
@Controller('app')
export class WithdrawalsAppController {
  constructor(
    private readonly withdrawals: WithdrawalsService,
    private readonly query: WithdrawalQueryService,
  ) {}

  @Get('wallet')
  @ApiOkResponse({ type: WalletDto })
  @ApiOperation({
    summary: 'Balances (pending, available, withdrawing) and latest movements of one earner account',
  })
  async wallet(@Ctx() ctx: RequestContext, @Query() q: EarnerRefDto): Promise<WalletDto> {
    const w = await this.query.wallet(ctx, ctx.actor!.id, q.earnerType, q.earnerId);
    return {
      ...w,
      recentAvailable: w.recentAvailable.map(StatementLineDto.of),
      recentPending: w.recentPending.map(StatementLineDto.of),
    };
  }

  @Post('withdrawals')
  @ApiCreatedResponse({ type: WithdrawalDto })
  @ApiOperation({
    summary: 'Ask for a withdrawal of the available balance (repeat-safe with Idempotency-Key)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8–128 of [0-9A-Za-z_-], one per tap' })
  async create(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateWithdrawalDto,
  ): Promise<WithdrawalDto> {
    if (!key || !KEY.test(key)) {
      throw CommonErrors.VALIDATION_FAILED({
        fields: [{ field: 'Idempotency-Key', problems: ['header required: 8–128 of [0-9A-Za-z_-]'] }],
      });
    }
    return WithdrawalDto.of(await this.withdrawals.request(ctx, ctx.actor!.id, dto, key));
  }

  @Get('withdrawals')
  @ApiOkResponse({ type: WithdrawalPageDto })
  @ApiOperation({ summary: 'Withdrawals of one earner account, newest first' })
  async list(@Ctx() ctx: RequestContext, @Query() q: EarnerPageQuery): Promise<WithdrawalPageDto> {
    const page = await this.query.listForUser(ctx, ctx.actor!.id, q);
    return { ...page, items: page.items.map(WithdrawalDto.of) };
  }

  @Get('withdrawals/:id')
  @ApiOkResponse({ type: WithdrawalDto })
  @ApiOperation({ summary: 'One withdrawal (with package_info while WeChat waits for the user to confirm)' })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WithdrawalDto> {
    return WithdrawalDto.of(await this.query.getForUser(ctx, ctx.actor!.id, id));
  }
}
