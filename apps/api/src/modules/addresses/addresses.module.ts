import { Module } from '@nestjs/common';
import { AddressesController } from './addresses.controller';
import { AddressesService } from './addresses.service';

/** The consumer's address book (region codes from the regions dataset). */
@Module({ controllers: [AddressesController], providers: [AddressesService], exports: [AddressesService] })
export class AddressesModule {}
