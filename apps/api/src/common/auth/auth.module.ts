import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { resolveSecret } from '../secret-file';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

/** Bearer tokens and the global guard. Login, sessions and revocation live in the identity module. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: jsonwebtoken turns a string secret into a key on every
      // verification (~0.9 ms each); a KeyObject is made once (~0.02 ms per verification).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(resolveSecret(config.auth.tokenSecret), 'utf8')),
      }),
    }),
  ],
  providers: [TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
