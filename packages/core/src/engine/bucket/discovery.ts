import { isThrottlingError } from '../../aws/aws-error.js';
import type { ObjectStore } from '../../aws/object-store.js';
import { errorText, WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import type { Logger } from '../../log/logger.js';
import { listError, throttlingText } from './texts.js';

const ACCOUNT_ID = /^\d{12}$/;

const lastFolder = (prefix: string) => {
  const parts = prefix.split('/');
  return parts[parts.length - 2] ?? '';
};

async function listFolders(
  store: ObjectStore,
  bucket: string,
  prefix: string,
  step: string,
): Promise<string[] | undefined> {
  try {
    const page = await store.list({ bucket, prefix, delimiter: '/' });
    return page.hasFolders ? page.folders.map(lastFolder) : undefined;
  } catch (error) {
    // Decision B10: discovery failures print an ERROR line naming the step (exit codes unchanged).
    if (isThrottlingError(error)) {
      throw new WazuhAwsError(`${throttlingText(step)}: ${listError(error)}`, {
        exitCode: EXIT.THROTTLING,
        code: 'THROTTLING',
        cause: error,
      });
    }
    const text = error instanceof WazuhAwsError ? error.message : listError(error) || errorText(error);
    throw new WazuhAwsError(`The "${step}" request failed: ${text}`, {
      exitCode: EXIT.UNKNOWN,
      code: 'DISCOVERY',
      cause: error,
    });
  }
}

/** Account ids under the base prefix (buckets.md §1.4). */
export async function discoverAccounts(
  store: ObjectStore,
  bucket: string,
  basePrefix: string,
  type: string,
): Promise<string[]> {
  const folders = await listFolders(store, bucket, basePrefix, 'find_account_ids');
  if (folders === undefined) {
    throw new WazuhAwsError(
      `No logs found in '${basePrefix}'. Check the provided prefix and the location of the logs for the bucket type '${type}'`,
      { exitCode: EXIT.INVALID_PREFIX, code: 'NO_LOGS_FOUND' },
    );
  }
  return folders.filter((name) => ACCOUNT_ID.test(name));
}

/** Region folders of one account (discovered per account, decision B9). */
export async function discoverRegions(
  store: ObjectStore,
  bucket: string,
  servicePrefix: string,
  account: string,
  logger: Logger,
): Promise<string[]> {
  const folders = await listFolders(store, bucket, servicePrefix, 'find_regions');
  if (folders === undefined) {
    logger.debug(1, `+++ No regions found for AWS Account ${account}`);
    return [];
  }
  return folders;
}
