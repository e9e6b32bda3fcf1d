import { Module, type DynamicModule, type FactoryProvider, type InjectionToken } from '@nestjs/common';
import type { WechatConfig } from './wechat.config';
import { WechatMiniClient } from './wechat-mini.client';
import { WechatPayClient } from './wechat-pay.client';

export const WECHAT_CONFIG = Symbol('WECHAT_CONFIG');

export interface WechatModuleAsyncOptions {
  useFactory: (...deps: never[]) => WechatConfig | Promise<WechatConfig>;
  inject?: InjectionToken[];
}

/**
 * Provides {@link WechatMiniClient} and {@link WechatPayClient} built from one {@link WechatConfig}.
 * The clients themselves are plain classes so they can be tested and used without Nest.
 */
@Module({})
export class WechatModule {
  static forRoot(config: WechatConfig): DynamicModule {
    return WechatModule.forRootAsync({ useFactory: () => config });
  }

  static forRootAsync(options: WechatModuleAsyncOptions): DynamicModule {
    const configProvider: FactoryProvider = {
      provide: WECHAT_CONFIG,
      useFactory: options.useFactory,
      inject: options.inject ?? [],
    };
    return {
      module: WechatModule,
      global: true,
      providers: [
        configProvider,
        {
          provide: WechatMiniClient,
          useFactory: (c: WechatConfig) => new WechatMiniClient(c),
          inject: [WECHAT_CONFIG],
        },
        {
          provide: WechatPayClient,
          useFactory: (c: WechatConfig) => new WechatPayClient(c),
          inject: [WECHAT_CONFIG],
        },
      ],
      exports: [WECHAT_CONFIG, WechatMiniClient, WechatPayClient],
    };
  }
}
