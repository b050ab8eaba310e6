import { describeReadmeExamples } from '@wazuh-aws/testkit';

describeReadmeExamples(new URL('..', import.meta.url));
