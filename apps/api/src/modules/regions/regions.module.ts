import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';

/** The Chinese region dataset behind the address picker, the address book and express fees. */
@Module({ controllers: [RegionsController] })
export class RegionsModule {}
