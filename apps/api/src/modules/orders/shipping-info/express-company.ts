/**
 * WeChat's delivery ids (get_delivery_list) for the carriers operators type when shipping. A value
 * that already looks like a delivery id (SF, ZTO, …) passes as is.
 */
const CARRIERS: [RegExp, string][] = [
  [/顺丰/, 'SF'],
  [/中通/, 'ZTO'],
  [/圆通/, 'YTO'],
  [/申通/, 'STO'],
  [/韵达/, 'YD'],
  [/极兔/, 'JTSD'],
  [/京东/, 'JD'],
  [/德邦/, 'DBL'],
  [/(邮政|EMS)/i, 'EMS'],
];

export function expressCompanyOf(carrier: string): string | null {
  const c = carrier.trim();
  if (/^[A-Z][A-Z0-9_]{0,31}$/.test(c)) return c;
  return CARRIERS.find(([re]) => re.test(c))?.[1] ?? null;
}

/** 13800001234 → 138****1234, the form WeChat wants for contacts. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}
