import { MigrationInterface, QueryRunner } from 'typeorm';

/** Receivers' real names for WeChat transfers from 2000 yuan, encrypted at rest. */
export class PayeeRealName1796300000000 implements MigrationInterface {
  name = 'PayeeRealName1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payee_real_name" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "openid" character varying(64) NOT NULL, "user_id" character varying(64) NOT NULL, "name_cipher" text NOT NULL, "name_masked" character varying(64) NOT NULL, CONSTRAINT "PK_a2c564dcf4c9c4d481ed1949bb5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_payee_real_name_openid" ON "payee_real_name" ("openid") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_payee_real_name_openid"`);
    await queryRunner.query(`DROP TABLE "payee_real_name"`);
  }
}
