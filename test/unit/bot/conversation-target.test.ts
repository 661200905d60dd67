import { describe, expect, it } from 'vitest';
import { conversationTargetOf, pointsAt } from '../../../bot/conversations/conversation-target.ts';

/** botbuilder's Activity, named without importing botbuilder (only bot/ may) */
type Activity = Parameters<typeof conversationTargetOf>[0];

function activity(overrides: Partial<Activity>): Activity {
  return {
    type: 'message',
    id: 'm1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user', name: 'Emma Ström', aadObjectId: 'aad-emma' },
    recipient: { id: '28:bot', name: 'Insatsnavet' },
    conversation: { id: 'a:chat', conversationType: 'personal', isGroup: false, name: '' },
    locale: 'sv-SE',
    ...overrides,
  } as Activity;
}

describe('conversationTargetOf', () => {
  it('keys a personal chat by the user’s Entra id and keeps the user in the reference', () => {
    const target = conversationTargetOf(activity({}));
    expect(target).toMatchObject({ key: 'aad-emma', scope: 'personal', title: 'Personlig chatt med Emma Ström' });
    expect(target.reference).toEqual({
      bot: { id: '28:bot', name: 'Insatsnavet' },
      channelId: 'msteams',
      conversation: { id: 'a:chat', conversationType: 'personal', isGroup: false, name: '' },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      user: { id: '29:user', name: 'Emma Ström', aadObjectId: 'aad-emma' },
      locale: 'sv-SE',
    });
    expect(conversationTargetOf(activity({ from: { id: '29:anon', name: '' } }))).toMatchObject({
      key: '29:anon',
      title: null,
    });
  });

  it('keys a channel by its channel id, without the thread, and drops the sender', () => {
    const target = conversationTargetOf(
      activity({
        conversation: { id: '19:c@thread.tacv2;messageid=17', conversationType: 'channel', isGroup: true, name: '' },
        channelData: { team: { id: '19:t', name: 'Värend' }, channel: { id: '19:c@thread.tacv2', name: 'Kansliet' } },
      }),
    );
    expect(target).toMatchObject({ key: '19:c@thread.tacv2', scope: 'channel', title: 'Värend – Kansliet' });
    expect(target.reference.conversation?.id).toBe('19:c@thread.tacv2');
    expect(target.reference).not.toHaveProperty('user');
    expect(target.reference).not.toHaveProperty('activityId');
    expect(pointsAt(target.reference, '19:c@thread.tacv2;messageid=99')).toBe(true);
  });

  it('keys a group chat by the chat id; other channels by whether the conversation is a group', () => {
    expect(
      conversationTargetOf(
        activity({
          conversation: { id: '19:g@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Beredningen' },
        }),
      ),
    ).toMatchObject({ key: '19:g@thread.v2', scope: 'groupChat', title: 'Beredningen' });
    expect(
      conversationTargetOf(
        activity({ channelId: 'webchat', conversation: { id: 'wc-1', isGroup: true, name: '', conversationType: '' } }),
      ).scope,
    ).toBe('groupChat');
  });
});
