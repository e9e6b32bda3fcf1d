import { paymentMachine } from '../modules/payments/entities/payment.entity';
import { refundMachine } from '../modules/payments/entities/refund.entity';
import { withdrawalMachine } from '../modules/withdrawals/entities/withdrawal.entity';
import { AppError } from './errors';
import type { StateMachine } from './state-machine';

function table<S extends string>(machine: StateMachine<S>, states: S[], allowed: [S, S][]) {
  const key = (a: S, b: S) => `${a}→${b}`;
  const ok = new Set(allowed.map(([a, b]) => key(a, b)));
  for (const from of states) {
    for (const to of states) {
      expect([key(from, to), machine.can(from, to)]).toEqual([key(from, to), ok.has(key(from, to))]);
      if (!ok.has(key(from, to))) {
        expect(() => machine.assert(from, to)).toThrow(AppError);
      }
    }
  }
  expect(
    machine
      .edges()
      .map(([a, b]) => key(a, b))
      .sort(),
  ).toEqual([...ok].sort());
}

describe('state machines: every pair of states, allowed exactly when listed', () => {
  it('payment', () =>
    table(
      paymentMachine,
      ['PENDING', 'PAID', 'CLOSED'],
      [
        ['PENDING', 'PAID'],
        ['PENDING', 'CLOSED'],
        ['CLOSED', 'PAID'],
      ],
    ));

  it('refund', () =>
    table(
      refundMachine,
      ['REQUESTED', 'PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'],
      [
        ['REQUESTED', 'PROCESSING'],
        ['REQUESTED', 'SUCCESS'],
        ['REQUESTED', 'CLOSED'],
        ['REQUESTED', 'ABNORMAL'],
        ['PROCESSING', 'SUCCESS'],
        ['PROCESSING', 'CLOSED'],
        ['PROCESSING', 'ABNORMAL'],
        ['ABNORMAL', 'SUCCESS'],
        ['ABNORMAL', 'CLOSED'],
      ],
    ));

  it('withdrawal: nothing leaves PAID, REJECTED or FAILED', () =>
    table(
      withdrawalMachine,
      ['REQUESTED', 'APPROVED', 'PAYING', 'PAID', 'REJECTED', 'FAILED'],
      [
        ['REQUESTED', 'APPROVED'],
        ['REQUESTED', 'REJECTED'],
        ['APPROVED', 'PAYING'],
        ['APPROVED', 'PAID'],
        ['APPROVED', 'FAILED'],
        ['PAYING', 'PAID'],
        ['PAYING', 'FAILED'],
      ],
    ));

  it('refuses with the machine’s code and both states in the details', () => {
    const err = (() => {
      try {
        withdrawalMachine.assert('PAID', 'REQUESTED');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toMatchObject({
      code: 'WITHDRAWAL_STATE_INVALID',
      status: 409,
      details: { from: 'PAID', to: 'REQUESTED' },
    });
  });
});
