import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

/** The configured secret, or a development secret made once and kept under the data dir. */
function resolveTokenSecret(secret: AppConfig['auth']['tokenSecret']): string {
  if (typeof secret === 'string') return secret;
  try {
    return fs.readFileSync(secret.file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(secret.file), { recursive: true });
    const made = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(secret.file, made, { flag: 'wx', mode: 0o600 });
      return made;
    } catch {
      return fs.readFileSync(secret.file, 'utf8').trim(); // another process made it first
    }
  }
}

/** Bearer tokens and the global guard. Login, sessions and revocation live in the identity module. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: jsonwebtoken turns a string secret into a key on every
      // verification (~0.9 ms each); a KeyObject is made once (~0.02 ms per verification).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(resolveTokenSecret(config.auth.tokenSecret), 'utf8')),
      }),
    }),
  ],
  providers: [TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
