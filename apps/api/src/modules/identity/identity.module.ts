import { Global, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { SESSION_CHECK } from '../../common/auth/session-check';
import { AdminAuthController, AdminUsersController } from './identity-admin.controller';
import { AdminAuthService } from './admin-auth.service';
import { AdminUsersService } from './admin-users.service';
import { AppAuthController, MeController } from './identity-app.controller';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { WechatLoginService } from './wechat-login.service';

/**
 * Who is calling: mini-program users (WeChat login, profile, phone), admin
 * accounts (password login, lockout, CRUD) and the sessions behind both kinds of
 * token. Global so the auth guard finds SESSION_CHECK and other modules UsersService.
 */
@Global()
@Module({
  controllers: [AppAuthController, MeController, AdminAuthController, AdminUsersController],
  providers: [
    SessionService,
    { provide: SESSION_CHECK, useExisting: SessionService },
    WechatLoginService,
    UsersService,
    AdminAuthService,
    AdminUsersService,
  ],
  exports: [SESSION_CHECK, SessionService, UsersService],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(private readonly admins: AdminUsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.admins.ensureInitialAdmin();
  }
}
