import { MigrationInterface, QueryRunner } from 'typeorm';

export class Payments1795690059036 implements MigrationInterface {
  name = 'Payments1795690059036';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "out_trade_no" character varying(32) NOT NULL, "order_id" uuid NOT NULL, "payer_openid" character varying(64) NOT NULL, "amount_fen" bigint NOT NULL, "description" character varying(127) NOT NULL, "status" character varying(16) NOT NULL, "prepay_id" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "transaction_id" character varying(64), "paid_at" TIMESTAMP WITH TIME ZONE, "refunded_fen" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_payment_amounts" CHECK ("amount_fen" > 0 AND "refunded_fen" >= 0 AND "refunded_fen" <= "amount_fen"), CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_out_trade_no" ON "payment"  ("out_trade_no") `);
    await queryRunner.query(`CREATE INDEX "ix_payment_order" ON "payment"  ("order_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_payment_order_pending" ON "payment"  ("order_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE TABLE "payment_event" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "payment_id" uuid NOT NULL, "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "source" character varying(16) NOT NULL, "reason" character varying(200) NOT NULL, "request_id" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e4a9d66fdf160a9fb9d236150f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_payment_event_payment" ON "payment_event"  ("payment_id") `);
    await queryRunner.query(
      `CREATE TABLE "payment_notification" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "channel" character varying(16) NOT NULL, "wechat_id" character varying(64), "event_type" character varying(40), "headers" jsonb NOT NULL, "body" text NOT NULL, "verified" boolean NOT NULL, "outcome" character varying(16) NOT NULL, "error" character varying(300), "reference" character varying(64), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae851104ce3761a083209783d81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_payment_notification_wechat_id" ON "payment_notification"  ("wechat_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_payment_notification_reference" ON "payment_notification"  ("reference") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refund" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "out_refund_no" character varying(64) NOT NULL, "payment_id" uuid NOT NULL, "order_id" uuid NOT NULL, "amount_fen" bigint NOT NULL, "reason" character varying(80) NOT NULL, "requested_by" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "wechat_refund_id" character varying(64), "succeeded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_refund_amount" CHECK ("amount_fen" > 0), CONSTRAINT "PK_f1cefa2e60d99b206c46c1116e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refund_out_refund_no" ON "refund"  ("out_refund_no") `);
    await queryRunner.query(`CREATE INDEX "ix_refund_payment" ON "refund"  ("payment_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_refund_payment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_refund_out_refund_no"`);
    await queryRunner.query(`DROP TABLE "refund"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_notification_reference"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_notification_wechat_id"`);
    await queryRunner.query(`DROP TABLE "payment_notification"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_event_payment"`);
    await queryRunner.query(`DROP TABLE "payment_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_order_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_out_trade_no"`);
    await queryRunner.query(`DROP TABLE "payment"`);
  }
}
