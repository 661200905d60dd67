/**
 * The notifier a composition root builds once per process: one deps object, so one pacer for
 * every send of this instance (Teams' per-conversation and per-app limits are counted here).
 */
import type { Clock } from '../../domain/clock.ts';
import { SendPacer } from '../../domain/notifications/send-pacer.ts';
import type { ConversationRepository } from '../../domain/ports/conversation-repository.ts';
import type { NotificationRepository } from '../../domain/ports/notification-repository.ts';
import type { NotifierDeps, NotifierLogger, NotifierSettings } from './notifier-deps.ts';
import { type NotifyRequest, type NotifyResult, notify } from './notify.ts';
import type { OutgoingMessage, ProactiveSender } from './proactive-sender.ts';
import { type SendPendingReport, sendPending } from './send-pending.ts';
import { type UpdateSentResult, updateSent } from './update-sent.ts';

export type NotifierOptions = {
  readonly notifications: NotificationRepository;
  readonly conversations: ConversationRepository;
  readonly sender: ProactiveSender;
  readonly clock: Clock;
  readonly logger: NotifierLogger;
  readonly instanceId: string;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How many instances send at the same time (App Service scale-out). Teams' 50 requests a
   * second are per app, so each instance keeps to 50 / instances. Default 1.
   */
  readonly instances?: number;
  readonly settings?: Partial<NotifierSettings>;
  readonly random?: () => number;
};

export type Notifier = {
  notify(request: NotifyRequest): Promise<NotifyResult>;
  /** run on an interval (e.g. every 30 s); a run still going is joined, not doubled */
  sendPending(): Promise<SendPendingReport>;
  updateSent(key: string, message: OutgoingMessage): Promise<UpdateSentResult>;
};

export function createNotifier(options: NotifierOptions): Notifier {
  const deps: NotifierDeps = {
    notifications: options.notifications,
    conversations: options.conversations,
    sender: options.sender,
    clock: options.clock,
    logger: options.logger,
    instanceId: options.instanceId,
    pacer: new SendPacer(options.clock, { instances: options.instances ?? 1 }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
    ...(options.random === undefined ? {} : { random: options.random }),
  };
  let running: Promise<SendPendingReport> | null = null;
  return {
    notify: (request) => notify(deps, request),
    sendPending: () => {
      running ??= sendPending(deps).finally(() => {
        running = null;
      });
      return running;
    },
    updateSent: (key, message) => updateSent(deps, key, message),
  };
}
