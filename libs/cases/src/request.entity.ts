import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from './case.entity';

export const DELIVERY_FORMATS = ['electronic', 'simple_copy', 'certified_copy', 'direct_consultation'] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];

/** What a requester asked, once, of one or several subjects (each gets a case). */
@Entity('requests')
export class Request {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 24 })
  folio: string;

  /** HMAC-SHA-256 of the access code (argon2id for requests filed before); the code itself is shown once and never stored. */
  @Column('text', { name: 'access_code_hash', select: false })
  accessCodeHash: string;

  @Column('text')
  description: string;

  @Column('varchar', { name: 'delivery_format', length: 30 })
  deliveryFormat: DeliveryFormat;

  @Column('varchar', { length: 5 })
  language: string;

  @Column('text', { name: 'requester_name' })
  requesterName: string;

  @Column('text', { name: 'requester_email', nullable: true })
  requesterEmail: string | null;

  @Column('text', { name: 'requester_phone', nullable: true })
  requesterPhone: string | null;

  @Column('text', { name: 'requester_address', nullable: true })
  requesterAddress: string | null;

  @Column('varchar', { length: 20 })
  channel: Channel;

  @Column('timestamptz', { name: 'filed_at' })
  filedAt: Date;

  @Column('uuid', { name: 'registered_by', nullable: true })
  registeredBy: string | null;
}

/** The requester's identity and contacts, as the requester's and officers' views show them. */
export interface RequesterView {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export function requesterView(r: Request): RequesterView {
  return { name: r.requesterName, email: r.requesterEmail, phone: r.requesterPhone, address: r.requesterAddress };
}
