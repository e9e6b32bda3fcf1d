import QRCode from 'qrcode';

/**
 * What the pickup QR carries. The prefix tells a staff scanner (or a person reading the
 * scan result) that this is a CloudShelf pickup and not some other QR; the verify
 * endpoint takes either this payload or the bare 6 digits typed in by hand.
 */
export const PICKUP_QR_PREFIX = 'cloudshelf:pickup:';
export const PICKUP_INPUT = /^(cloudshelf:pickup:)?\d{6}$/;

export function pickupQrPayload(code: string): string {
  return `${PICKUP_QR_PREFIX}${code}`;
}

/** The 6-digit code in a verify input (bare code or QR payload). */
export function pickupCodeOf(input: string): string {
  return input.startsWith(PICKUP_QR_PREFIX) ? input.slice(PICKUP_QR_PREFIX.length) : input;
}

/** A PNG QR of the pickup payload, large enough to scan off a phone screen. */
export function pickupQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(pickupQrPayload(code), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 360,
  });
}
