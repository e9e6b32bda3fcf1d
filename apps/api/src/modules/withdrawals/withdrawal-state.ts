import { StateKeeper } from '../../common/state-machine';
import { Withdrawal, withdrawalMachine, type WithdrawalStatus } from './entities/withdrawal.entity';
import { WithdrawalEvent } from './entities/withdrawal-event.entity';

/** The only way a withdrawal's status changes, written to withdrawal_event with who and why. */
export const withdrawalState = new StateKeeper<WithdrawalStatus, Withdrawal>(
  withdrawalMachine,
  Withdrawal,
  WithdrawalEvent,
  'withdrawalId',
);
