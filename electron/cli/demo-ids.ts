/**
 * The messages the demo watches: magic prefixes pick each outcome on the simulator (see
 * electron/core/simulator/delivery-model.ts), so with the default seed every one settles within about 20 s at the
 * demo's time scale: Viber, SMS and Viber-to-SMS deliveries, two kinds of failure, and an id SMSBAT does not know.
 */
export const DEMO_IDS: readonly string[] = [
  'fast-viber-order-1001',
  'fast-sms-order-1002',
  'fast-fallback-promo-2001',
  'fast-sms-2fa-3001',
  'fast-viber-2fa-3002',
  'fast-viber-promo-2002',
  'msg-5002',
  'msg-5003',
  'undeliverable-fallback-promo-2005',
  'undeliverable-sms-promo-2004',
  'permanenterror-sms-promo-2006',
  'missing-typo-4001',
];

/** How much faster than real time the demo's simulator runs, so minutes of delivery play out in seconds. */
export const DEMO_TIME_SCALE = 10;
