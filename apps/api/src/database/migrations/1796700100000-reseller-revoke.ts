import { MigrationInterface, QueryRunner } from 'typeorm';

/** Revoking a reseller (清退): when, by whom, why. */
export class ResellerRevoke1796700100000 implements MigrationInterface {
  name = 'ResellerRevoke1796700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resellers" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "resellers" ADD "revoked_by" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "resellers" ADD "revoke_reason" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resellers" DROP COLUMN "revoke_reason"`);
    await queryRunner.query(`ALTER TABLE "resellers" DROP COLUMN "revoked_by"`);
    await queryRunner.query(`ALTER TABLE "resellers" DROP COLUMN "revoked_at"`);
  }
}
