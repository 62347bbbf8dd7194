import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HEADQUARTERS } from '../apps/api/src/workload/workload';
import { startTestSystem, type TestSystem } from './support/system';
import { runWorkload, settledLog } from './support/workload';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const CHARTS = ['backlog', 'volume', 'first-visit', 'clear-time', 'custody'];

// A week of faults through the whole system, then a real browser.
jest.setTimeout(600_000);

/**
 * What the page functions below touch in the browser. This project
 * compiles without the DOM's types, and the page's content security
 * policy refuses code passed as text, so they are typed here.
 */
interface BrowserWindow {
  document: {
    body: { dataset: Record<string, string | undefined> };
    querySelector(selector: string): unknown;
  };
  echarts: {
    getInstanceByDom(
      element: unknown,
    ): { getOption(): { series: { data: unknown[] }[] } } | undefined;
  };
}

/** Waits for the page's own verdict, and fails with its message if any. */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (globalThis as unknown as BrowserWindow).document.body.dataset.state !==
      'loading',
    undefined,
    { timeout: 60_000 },
  );
  expect({
    state: await page.getAttribute('body', 'data-state'),
    message: (await page.textContent('#message')) ?? '',
  }).toEqual({ state: 'ready', message: '' });
}

describe('the dashboard in headless Chromium on a populated system', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      // Not a skip: without the browser this test proves nothing.
      throw new Error(
        `${CHROMIUM} is missing; install Debian's package (apt-get install -y chromium) to run the dashboard test`,
      );
    }
    system = await startTestSystem();
    await runWorkload(system, { days: 7, seed: 424242, perDay: 5 });
    await settledLog(system);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Headquarters reads the dashboard (every subsidiary); each request
    // the page makes (page, scripts, figures) carries the token.
    const token = system.tokens(HEADQUARTERS);
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    await page.goto(`${system.client.baseUrl}/dashboard`);
    await loaded(page);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('draws every chart with data', async () => {
    for (const name of CHARTS) {
      const chart = page.locator(`[data-chart="${name}"]`);
      const drawn = {
        name,
        points: Number(await chart.getAttribute('data-points')),
        canvases: await chart.locator('canvas').count(),
        values: await page.evaluate((chart) => {
          // Runs in the page: the numbers the chart's series draw above 0.
          const w = globalThis as unknown as BrowserWindow;
          const element = w.document.querySelector(`[data-chart="${chart}"]`);
          const instance = element
            ? w.echarts.getInstanceByDom(element)
            : undefined;
          if (!instance) return 0;
          return instance
            .getOption()
            .series.flatMap((series) => series.data)
            .filter((value) => typeof value === 'number' && value > 0).length;
        }, name),
      };
      expect(drawn).toEqual({
        name,
        points: expect.any(Number),
        canvases: 1,
        values: expect.any(Number),
      });
      expect(drawn.points).toBeGreaterThan(0);
      expect(drawn.values).toBeGreaterThan(0);
    }
  });

  it('fills the figures and lists the slowest open tickets with links to their timelines', async () => {
    const reported = await page.textContent('#kpi-reported');
    expect(Number(reported)).toBeGreaterThan(0);
    const links = await page.$$eval('#open-tickets tbody a', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href).toMatch(/^\/dashboard\/tickets\/[0-9a-f-]{36}$/);
    }
  });

  it('labels the page in Chinese', async () => {
    expect(await page.textContent('h1')).toBe('网点故障运营看板');
    expect(await page.locator('h2').allTextContents()).toContain(
      '清除时长分布',
    );
  });

  it('saves a screenshot of the dashboard as a test artefact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('opens the timeline of the slowest open ticket from its link', async () => {
    await page.click('#open-tickets tbody a');
    await page.waitForURL(/\/dashboard\/tickets\//);
    await loaded(page);
    const events = await page.$$('[data-table="timeline"] tbody tr');
    const periods = await page.$$eval(
      '[data-table="custody"] tbody tr',
      (rows) => rows.map((r) => r.textContent ?? ''),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(periods[periods.length - 1]).toContain('持有中');
    await page.screenshot({
      path: join(ARTIFACTS, 'timeline.png'),
      fullPage: true,
    });
  });

  it('logged no script error on the way', () => {
    expect(problems).toEqual([]);
  });
});
