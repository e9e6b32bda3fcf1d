import { Module } from '@nestjs/common';
import { MiniappController } from './miniapp.controller';

/** The mini-program shell's own endpoints: H5 web-flow config and QR images. */
@Module({ controllers: [MiniappController] })
export class MiniappModule {}
