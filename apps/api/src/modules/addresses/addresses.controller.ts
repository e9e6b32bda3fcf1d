import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { OkDto } from '../identity/dto/auth.dto';
import { AddressesService } from './addresses.service';
import { AddressBookEntryDto, AddressInputDto, AddressPatchDto } from './dto/address.dto';

@ApiTags('app: addresses')
@Controller('app/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @UserRoute()
  @ApiOperation({ summary: 'My address book, the default first' })
  @ApiOkResponse({ type: [AddressBookEntryDto] })
  async list(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<AddressBookEntryDto[]> {
    return (await this.addresses.list(ctx, userId)).map(AddressBookEntryDto.of);
  }

  @Post()
  @UserRoute()
  @ApiOperation({
    summary:
      'Add an address; the region code is checked against the dataset, names come from it. 400 ADDRESS_REGION_INVALID',
  })
  @ApiCreatedResponse({ type: AddressBookEntryDto })
  async create(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: AddressInputDto,
  ): Promise<AddressBookEntryDto> {
    return AddressBookEntryDto.of(await this.addresses.create(ctx, userId, dto));
  }

  @Patch(':id')
  @UserRoute()
  @ApiOperation({ summary: 'Change an address or make it the default' })
  @ApiOkResponse({ type: AddressBookEntryDto })
  async update(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddressPatchDto,
  ): Promise<AddressBookEntryDto> {
    return AddressBookEntryDto.of(await this.addresses.update(ctx, userId, id, dto));
  }

  @Delete(':id')
  @UserRoute()
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an address (deleting the default promotes the newest one)' })
  @ApiOkResponse({ type: OkDto })
  async remove(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<OkDto> {
    await this.addresses.remove(ctx, userId, id);
    return { ok: true };
  }
}
