import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { AuditLog } from '../modules/audit/entities/audit-log.entity';
import { AdminUser } from '../modules/identity/entities/admin-user.entity';
import { AuthSession } from '../modules/identity/entities/auth-session.entity';
import { User } from '../modules/identity/entities/user.entity';
import { BindingEvent } from '../modules/referral/entities/binding-event.entity';
import { CustomerBinding } from '../modules/referral/entities/customer-binding.entity';
import { Reseller } from '../modules/referral/entities/reseller.entity';
import { ShareLink } from '../modules/referral/entities/share-link.entity';
import { Setting } from '../modules/settings/entities/setting.entity';

/** Every entity of every module, in one list for the data source and the drift test. */
export const ENTITIES = [
  IdempotencyRecord,
  AuditLog,
  Setting,
  User,
  AdminUser,
  AuthSession,
  CustomerBinding,
  BindingEvent,
  Reseller,
  ShareLink,
];
