import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One operator setting; the value's type is fixed by SETTINGS_DEFAULTS and the DTO. */
@Entity({ name: 'settings' })
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
