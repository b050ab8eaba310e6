import { describe, expect, it } from 'vitest';
import { encodeJsonAscii } from '../../sender/json-ascii.js';
import { formatServiceMessage, isoSecondsUtc, pythonDateTimeUtc } from './service-message.js';

describe('formatServiceMessage (services.md §1.6, S30)', () => {
  it('moves `service` to a lower-cased `source` at the end and formats createdAt/updatedAt', () => {
    const message = formatServiceMessage({
      service: 'service_name',
      createdAt: new Date(Date.UTC(2024, 4, 1, 13, 45, 10, 250)),
      updatedAt: new Date(Date.UTC(2024, 4, 2, 0, 0, 0)),
      key: 'value',
    });
    expect(encodeJsonAscii(message)).toBe(
      '{"integration": "aws", "aws": {"createdAt": "2024-05-01T13:45:10Z", "updatedAt": "2024-05-02T00:00:00Z", "key": "value", "source": "service_name"}}',
    );
  });

  it('gives v2 findings source inspector2 and keeps findingArn', () => {
    const arn = 'arn:aws:inspector2:us-east-1:123456789012:finding/abc123';
    expect(formatServiceMessage({ findingArn: arn, key: 'value' })).toEqual({
      integration: 'aws',
      aws: { findingArn: arn, key: 'value', source: 'inspector2' },
    });
  });

  it('writes other date-times in the Python form, in UTC, and marks Double members as floats', () => {
    const message = formatServiceMessage(
      {
        findingArn: 'a',
        firstObservedAt: new Date(Date.UTC(2025, 0, 15, 0, 0, 0, 544)),
        resources: [{ details: { awsEc2Instance: { launchedAt: new Date(Date.UTC(2025, 0, 14)) } } }],
        inspectorScore: 10,
        packageVulnerabilityDetails: { cvss: [{ baseScore: 7 }, { baseScore: 7.5 }] },
        epss: { score: 0.26698 },
        skipped: undefined,
      },
      ['inspectorScore', 'packageVulnerabilityDetails.cvss.baseScore', 'epss.score'],
    );
    expect(encodeJsonAscii(message)).toBe(
      '{"integration": "aws", "aws": {"findingArn": "a", "firstObservedAt": "2025-01-15 00:00:00.544000+00:00", "resources": [{"details": {"awsEc2Instance": {"launchedAt": "2025-01-14 00:00:00+00:00"}}}], "inspectorScore": 10.0, "packageVulnerabilityDetails": {"cvss": [{"baseScore": 7.0}, {"baseScore": 7.5}]}, "epss": {"score": 0.26698}, "source": "inspector2"}}',
    );
  });

  it('date helpers', () => {
    expect(isoSecondsUtc(new Date(Date.UTC(2023, 2, 1, 10, 20, 30, 999)))).toBe('2023-03-01T10:20:30Z');
    expect(pythonDateTimeUtc(new Date(Date.UTC(2023, 9, 24, 16, 38, 36, 370)))).toBe(
      '2023-10-24 16:38:36.370000+00:00',
    );
  });
});
