import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A consumer's saved delivery address. The region is stored as codes (GB/T 2260) with the names
 * resolved from the dataset at save time; at most one default per user (partial unique index).
 */
@Entity({ name: 'user_address' })
@Index('IDX_user_address_user', ['userId', 'createdAt'])
@Index('UQ_user_address_default', ['userId'], { unique: true, where: '"is_default"' })
export class UserAddress {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ name: 'city_code', type: 'varchar', length: 4 })
  cityCode: string;

  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true })
  districtCode: string | null;

  @Column({ type: 'varchar', length: 20 })
  province: string;

  @Column({ type: 'varchar', length: 20 })
  city: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  district: string;

  @Column({ type: 'varchar', length: 120 })
  detail: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
