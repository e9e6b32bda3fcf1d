import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 16 of 62 symbols ≈ 95 bits: unguessable, and well inside WeChat's 32-character scene. */
export const SCAN_CODE_LENGTH = 16;
export const SCAN_CODE_SHAPE = /^[0-9A-Za-z]{1,32}$/;

/** A crypto-random opaque code of [0-9A-Za-z] (also used for staff invites). */
export function randomCode(length: number = SCAN_CODE_LENGTH): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
