import { artifactInEnvironment, readinessState, sameVersion } from '../../../src/domain/releases/itemReadiness';
import { prodDeployment } from './fixtures';

const stateOf = (expected: string, ...records: ReturnType<typeof prodDeployment>[]) =>
  readinessState(expected, artifactInEnvironment(records, expected));

describe('release item readiness', () => {
  describe('ready', () => {
    it('is ready when the target runs the expected version', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0'))).toBe('ready');
    });

    it('is ready even when a later attempt of another version failed, because the expected version still runs', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'deployed', -30), prodDeployment('4.3.0', 'failed', -1))).toBe('ready');
    });

    it('ignores spaces around versions but nothing else', () => {
      expect(stateOf('4.2.0', prodDeployment(' 4.2.0 '))).toBe('ready');
      expect(stateOf('4.2', prodDeployment('4.2.0'))).toBe('mismatch');
    });

    it('is not ready when the expected version was only scheduled, failed or is absent', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'scheduled', null))).not.toBe('ready');
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'failed', -1))).not.toBe('ready');
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'absent', null))).not.toBe('ready');
    });
  });

  describe('scheduled', () => {
    it('is scheduled when a deployment of the expected version is scheduled in the target', () => {
      expect(stateOf('4.2.0', prodDeployment('4.1.0'), prodDeployment('4.2.0', 'scheduled', null))).toBe('scheduled');
    });

    it('counts a scheduled retry after a failed deployment as on its way', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'failed', -2), prodDeployment('4.2.0', 'scheduled', null))).toBe('scheduled');
    });

    it('does not fire for a scheduled deployment of another version, or a merely pending one', () => {
      expect(stateOf('4.2.0', prodDeployment('4.1.0'), prodDeployment('4.3.0', 'scheduled', null))).toBe('mismatch');
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'pending', null))).toBe('missing');
    });
  });

  describe('failed', () => {
    it('is failed when the latest deployment attempt in the target failed', () => {
      expect(stateOf('4.2.0', prodDeployment('4.1.0', 'deployed', -30), prodDeployment('4.2.0', 'failed', -2))).toBe('failed');
    });

    it('treats a failure the backend reports without a time as the latest attempt', () => {
      expect(stateOf('4.2.0', prodDeployment('4.1.0', 'deployed', -1), prodDeployment('4.2.0', 'failed', null))).toBe('failed');
    });

    it('does not fire when a successful deployment came after the failure', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'failed', -30), prodDeployment('4.1.0', 'deployed', -2))).toBe('mismatch');
    });
  });

  describe('version mismatch', () => {
    it('is a mismatch when another version is deployed', () => {
      expect(stateOf('4.2.0', prodDeployment('4.1.0'))).toBe('mismatch');
    });

    it('takes the latest successful deployment as the running version', () => {
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'deployed', -50), prodDeployment('4.1.9', 'deployed', -5))).toBe('mismatch');
    });

    it('does not fire when nothing is deployed', () => {
      expect(stateOf('4.2.0', prodDeployment('', 'absent', null))).toBe('missing');
    });
  });

  describe('missing', () => {
    it('is missing when the artifact was never deployed in the target', () => {
      expect(stateOf('4.2.0')).toBe('missing');
    });

    it('is missing when the backend reports it absent, or with a status this build does not know', () => {
      expect(stateOf('4.2.0', prodDeployment('', 'absent', null))).toBe('missing');
      expect(stateOf('4.2.0', prodDeployment('4.2.0', 'rolled_back', -3))).toBe('missing');
    });

    it('does not fire when any version runs there', () => {
      expect(stateOf('4.2.0', prodDeployment('1.0.0'))).not.toBe('missing');
    });
  });

  it('keeps what the cells show: the running version and time, the failure and the scheduled version', () => {
    expect(
      artifactInEnvironment([prodDeployment('4.1.0', 'deployed', -30), prodDeployment('4.2.0', 'failed', -2), prodDeployment('4.2.0', 'scheduled', null)], '4.2.0'),
    ).toEqual({
      deployedVersion: '4.1.0',
      deployedAt: prodDeployment('4.1.0', 'deployed', -30).deployedAt,
      failure: { version: '4.2.0', at: prodDeployment('x', 'failed', -2).deployedAt },
      scheduledVersion: '4.2.0',
      latestStatus: 'failed',
    });
  });

  it('compares no version with anything', () => {
    expect(sameVersion(null, '1.0.0')).toBe(false);
    expect(sameVersion('', '')).toBe(false);
  });
});
