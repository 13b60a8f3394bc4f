/** Where SMS notifications go. A real provider implements this; the default only logs. */
export interface SmsGateway {
  readonly name: string;
  send(message: {
    to: string;
    text: string;
    notificationId: string;
  }): Promise<{ ok: boolean; error?: string }>;
}

/**
 * The default gateway: sends nothing. The attempt is written to the delivery log (target = number,
 * ok) by the worker, so admins see what would have been sent.
 */
export const loggingSmsGateway: SmsGateway = {
  name: 'log',
  async send() {
    return { ok: true };
  },
};
