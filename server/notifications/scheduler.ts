/**
 * The periodic work of notifications, started with the server and stopped with it:
 * - the milestone scan (milestone-alerts.ts) every minute, and for one project shortly after
 *   its content changed, so that a milestone marked at risk is announced within seconds;
 * - the weekly digest e-mail, only when SMTP is configured: every hour it sends last week's
 *   digest to whoever has not had it yet (so a node that was down on Monday catches up).
 * Every run reads the time from deps.clock; a failed run is logged and retried at the next.
 */
import type { Config } from '../config.ts';
import type { ServiceDeps } from '../deps.ts';
import { type MailTransport, smtpTransport } from '../mail/transport.ts';
import { sendWeeklyDigests } from './digest-mailer.ts';
import { previousWeek } from './iso-week.ts';
import { scanMilestoneAlerts } from './milestone-alerts.ts';

export const MILESTONE_SCAN_MS = 60_000;
export const PROJECT_SCAN_DELAY_MS = 500;
export const DIGEST_CHECK_MS = 60 * 60_000;

export interface NotificationJobs {
  stop(): Promise<void>;
}

export function startNotificationJobs(deps: ServiceDeps, config: Pick<Config, 'smtp'>): NotificationJobs {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  /** one job at a time, in order: scans never overlap each other or the mailer */
  const run = (what: string, job: () => Promise<unknown>) => {
    if (stopped) return;
    running = running.then(job).catch((err) => deps.log.error({ err }, `notifications: ${what} failed`));
  };

  const scanAll = setInterval(
    () => run('milestone scan', () => scanMilestoneAlerts(deps)),
    MILESTONE_SCAN_MS,
  );
  const firstScan = setTimeout(() => run('milestone scan', () => scanMilestoneAlerts(deps)), 1000);

  const pending = new Set<string>();
  let projectTimer: NodeJS.Timeout | null = null;
  const onProjectChanged = ({ projectId }: { projectId: string }) => {
    pending.add(projectId);
    projectTimer ??= setTimeout(() => {
      projectTimer = null;
      const ids = [...pending];
      pending.clear();
      run('milestone scan', () => scanMilestoneAlerts(deps, ids));
    }, PROJECT_SCAN_DELAY_MS);
  };
  deps.events.on('project.changed', onProjectChanged);

  let digestTimer: NodeJS.Timeout | null = null;
  const smtp = config.smtp;
  if (smtp) {
    let transport: MailTransport | null = null;
    const sendDigests = () =>
      run('digest e-mail', async () => {
        transport ??= await smtpTransport(smtp.url);
        const sent = await sendWeeklyDigests(deps, transport, smtp.from, previousWeek(deps.clock()));
        if (sent) deps.log.info({ sent }, 'weekly digests e-mailed');
      });
    digestTimer = setInterval(sendDigests, DIGEST_CHECK_MS);
    sendDigests();
  }

  for (const t of [scanAll, firstScan, digestTimer]) t?.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(scanAll);
      clearTimeout(firstScan);
      if (projectTimer) clearTimeout(projectTimer);
      if (digestTimer) clearInterval(digestTimer);
      deps.events.off('project.changed', onProjectChanged);
      await running;
    },
  };
}
