import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { MaildirInbox, MailIntake } from '@opsdesk/messaging';
import type { OpsdeskResources } from './resources';

const RESOURCES_TOKEN = Symbol('opsdesk:mail-intake-resources');

/**
 * The inbound mail adapter of 邮件客服: with
 * `MAIL_INBOX_DIR` set, new mail in that maildir opens cases through the
 * system's queue. Several workers may poll one folder: a mail opens one
 * case whoever takes it.
 */
@Injectable()
export class MailIntakeHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly intake?: MailIntake;

  constructor(@Inject(RESOURCES_TOKEN) resources: OpsdeskResources) {
    const settings = resources.config.mailInbox;
    if (!settings) return;
    const logger = resources.logger.child({ component: 'mail-intake' });
    const now = () => resources.clock.now();
    this.intake = new MailIntake({
      inbox: new MaildirInbox(settings.dir, logger, now),
      queues: resources.queues,
      subsidiary: settings.subsidiary,
      pollMs: settings.pollMs,
      logger,
      now,
    });
  }

  onApplicationBootstrap(): void {
    this.intake?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.intake?.stop();
  }
}

@Module({})
export class MailIntakeModule {
  static forRoot(resources: OpsdeskResources): DynamicModule {
    return {
      module: MailIntakeModule,
      providers: [
        { provide: RESOURCES_TOKEN, useValue: resources },
        MailIntakeHost,
      ],
    };
  }
}
