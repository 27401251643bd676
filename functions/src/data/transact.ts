import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

/** One TransactWriteItems of up to 100 items. */
export async function transact(items: unknown[]) {
  await db().send(new TransactWriteCommand({ TransactItems: items as never }));
}

/** A condition in the transaction failed: the item moved on since it was read (a lost race). */
export const isConditionFailure = (e: unknown) =>
  ['TransactionCanceledException', 'ConditionalCheckFailedException'].includes((e as Error)?.name);
