import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AdminWriteAuditInterceptor } from './admin-write-audit.interceptor';
import { AuditController } from './audit-admin.controller';
import { AuditService } from './audit.service';

/** Global: every module that writes on an admin's behalf records through AuditService. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: AdminWriteAuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
