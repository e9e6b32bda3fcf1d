import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { RequestContext } from './request-context';

/**
 * Opens transactions at the edge of a use case and hands out repositories bound
 * to the context's transaction. Nested `run` calls join the outer transaction.
 */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }

  repo<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>): Repository<T> {
    return this.manager(ctx).getRepository(entity);
  }

  async run<T>(
    ctx: RequestContext,
    work: (ctx: RequestContext) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    if (ctx.manager?.queryRunner?.isTransactionActive) return work(ctx);
    return this.dataSource.transaction(isolation, (manager) => work(ctx.withManager(manager)));
  }
}
