import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795690230300 implements MigrationInterface {
  name = 'Identity1795690230300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "actor_kind" character varying(16) NOT NULL, "actor_id" character varying(64) NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, "reason" character varying(500), "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_log_actor" ON "audit_log"  ("actor_id", "created_at") `);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_log_entity" ON "audit_log"  ("entity_type", "entity_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "admin_users" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "username" character varying(64) NOT NULL, "display_name" character varying(64), "password_hash" character varying(100) NOT NULL, "roles" text array NOT NULL, "failed_logins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06744d221bb6145dc61e5dc441d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_admin_users_username" ON "admin_users"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL, "subject_kind" character varying(8) NOT NULL, "subject_id" uuid NOT NULL, "refresh_hash" character(64) NOT NULL, "refresh_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(40), "last_refreshed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_auth_sessions_subject" ON "auth_sessions"  ("subject_kind", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "openid" character varying(64) NOT NULL, "unionid" character varying(64), "session_key" character varying(128), "nickname" character varying(64), "avatar_url" character varying(512), "phone" character varying(32), "phone_country_code" character varying(8), "roles" text array NOT NULL DEFAULT '{consumer}', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_openid" ON "users"  ("openid") `);
    await queryRunner.query(`CREATE INDEX "idx_users_unionid" ON "users"  ("unionid") `);
    await queryRunner.query(
      `CREATE TABLE "binding_events" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "source" character varying(16) NOT NULL, "before_id" uuid, "after_id" uuid, "after_expires_at" TIMESTAMP WITH TIME ZONE, "ref" character varying(64), "actor_id" character varying(64), "reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91c5149daac3e565827f37954c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_binding_events_user" ON "binding_events"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "customer_bindings" ("user_id" uuid NOT NULL, "store_id" uuid, "store_locked_at" TIMESTAMP WITH TIME ZONE, "store_lock_expires_at" TIMESTAMP WITH TIME ZONE, "referrer_id" uuid, "referrer_bound_at" TIMESTAMP WITH TIME ZONE, "referrer_expires_at" TIMESTAMP WITH TIME ZONE, "ever_referred" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bab720bf56acb877645adc63219" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_customer_bindings_referrer" ON "customer_bindings"  ("referrer_id", "referrer_expires_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_customer_bindings_store" ON "customer_bindings"  ("store_id", "store_lock_expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "resellers" ("user_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "upline_id" uuid, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(64), "reject_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_309d184b986df6e15fa3c8f1ca7" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_resellers_upline" ON "resellers"  ("upline_id") `);
    await queryRunner.query(`CREATE INDEX "idx_resellers_status" ON "resellers"  ("status", "applied_at") `);
    await queryRunner.query(
      `CREATE TABLE "share_links" ("code" character varying(16) NOT NULL, "reseller_id" uuid NOT NULL, "product_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f016cd6a2fee711cc2fead9a589" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_share_links_reseller" ON "share_links"  ("reseller_id", "product_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c8639b7626fa94ba8265628f214" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "settings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_share_links_reseller"`);
    await queryRunner.query(`DROP TABLE "share_links"`);
    await queryRunner.query(`DROP INDEX "public"."idx_resellers_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_resellers_upline"`);
    await queryRunner.query(`DROP TABLE "resellers"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_bindings_store"`);
    await queryRunner.query(`DROP INDEX "public"."idx_customer_bindings_referrer"`);
    await queryRunner.query(`DROP TABLE "customer_bindings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_binding_events_user"`);
    await queryRunner.query(`DROP TABLE "binding_events"`);
    await queryRunner.query(`DROP INDEX "public"."idx_users_unionid"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_openid"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."idx_auth_sessions_subject"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_admin_users_username"`);
    await queryRunner.query(`DROP TABLE "admin_users"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_entity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_log_actor"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
