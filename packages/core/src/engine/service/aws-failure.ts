import {
  awsErrorCode,
  formatAwsError,
  isAwsServiceError,
  isEndpointConnectionError,
} from '../../aws/aws-error.js';
import { errorText } from '../../errors/errors.js';
import type { AwsFailure } from '../../plugin/service-types.js';

/** Classifies an SDK error once, for the service plugins (STYLE: errors classified in the adapter layer). */
export function describeAwsFailure(error: unknown, operation: string): AwsFailure {
  if (isAwsServiceError(error)) {
    return { kind: 'response', code: awsErrorCode(error), text: formatAwsError(error, operation) };
  }
  if (isEndpointConnectionError(error)) return { kind: 'connection', text: errorText(error) };
  return { kind: 'other', text: errorText(error) };
}
