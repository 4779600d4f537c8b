import { cantoWebhookSchema, webhookBucket } from '../../../src/domain/assetSync/webhookRequests';

describe('Canto webhook bodies', () => {
  it('accepts what Canto sends', () => {
    const body = { secure_token: 't', scheme: 'image', album: 'A1', displayname: 'hero.jpg', id: 'c9a1' };
    expect(cantoWebhookSchema.safeParse(body).success).toBe(true);
  });

  it('refuses a body without an id, or with a scheme that is not a word, naming the field', () => {
    const noId = cantoWebhookSchema.safeParse({ secure_token: 't', scheme: 'image' });
    expect(noId.success).toBe(false);
    expect(noId.error?.issues[0]?.path).toEqual(['id']);
    const badScheme = cantoWebhookSchema.safeParse({ secure_token: 't', scheme: '../image', id: '1' });
    expect(badScheme.error?.issues[0]?.path).toEqual(['scheme']);
  });
});

describe('coalescing webhook deliveries', () => {
  it('puts deliveries of one 30-second window in one bucket and runs its refetch just after the window closes', () => {
    const first = webhookBucket(new Date('2026-11-20T12:00:01Z'));
    const second = webhookBucket(new Date('2026-11-20T12:00:29Z'));
    expect(first.bucket).toBe(second.bucket);
    expect(first.delaySeconds).toBe(31);
    expect(second.delaySeconds).toBe(3);
  });

  it('starts a new bucket with the next window', () => {
    expect(webhookBucket(new Date('2026-11-20T12:00:30Z')).bucket).toBe(webhookBucket(new Date('2026-11-20T12:00:29Z')).bucket + 1);
  });
});
